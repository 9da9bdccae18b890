import { CfnDeletionPolicy, CfnResource } from 'aws-cdk-lib';
import { ownerScope } from '../cfn/owner-scope';
import { layerVersionNotRetainedMessage, LAYER_VERSION_NOT_RETAINED } from '../findings/layer-version-not-retained';
import { ConsumerAnalysis, PendingFinding } from './analyze-consumer';

/**
 * `LayerVersionNotRetained` for a layer version that CloudFormation deletes on update although functions of
 * other stacks, or other apps (through a lock file), use it; undefined when it is retained or not shared.
 *
 * @param followersInOtherStacks the consumers of other stacks that use this layer version (followed, or by strong reference)
 * @param lockFile the lock file other apps read this layer from, when the app writes it there
 */
export function retentionFinding(
  layer: CfnResource, followersInOtherStacks: readonly ConsumerAnalysis[], lockFile?: string,
): PendingFinding | undefined {
  if (layer.cfnOptions.updateReplacePolicy === CfnDeletionPolicy.RETAIN) {
    return undefined;
  }
  const stacks = [...new Set(followersInOtherStacks.map(c => c.stack.node.path))].sort();
  const sharedWith = stacks.length > 0 ? [`functions in ${stacks.join(', ')}`] : [];
  if (lockFile) {
    sharedWith.push(`other CDK apps through ${lockFile}`);
  }
  if (sharedWith.length === 0) {
    return undefined;
  }
  const path = ownerScope(layer).node.path;
  const policy = layer.cfnOptions.updateReplacePolicy;
  return { definition: LAYER_VERSION_NOT_RETAINED, message: layerVersionNotRetainedMessage(path, sharedWith.join(' and '), policy) };
}
