import { CfnDeletionPolicy, CfnResource } from 'aws-cdk-lib';
import { layerVersionNotRetainedMessage, LAYER_VERSION_NOT_RETAINED } from '../findings/layer-version-not-retained';
import { ownerScope } from '../findings/owner-scope';
import { PendingFinding } from './analyze-consumer';
import { LayerSyncPlan } from './layer-sync-plan';

/**
 * `LayerVersionNotRetained` for a layer version that CloudFormation deletes on update although functions of
 * other stacks, or other apps (through `registryOutput`), use it; undefined when it is retained or not shared.
 *
 * @param registryOutput the lock file other apps read this app's layers from, if the app writes one
 */
export function retentionFinding(layer: CfnResource, plan: LayerSyncPlan, registryOutput?: string): PendingFinding | undefined {
  if (layer.cfnOptions.updateReplacePolicy === CfnDeletionPolicy.RETAIN) {
    return undefined;
  }
  const stacks = [...new Set(plan.consumersInOtherStacks(layer).map(c => c.stack.node.path))].sort();
  const sharedWith = stacks.length > 0 ? [`functions in ${stacks.join(', ')}`] : [];
  if (registryOutput && plan.producers.some(p => p.layer === layer)) {
    sharedWith.push(`other CDK apps through ${registryOutput}`);
  }
  if (sharedWith.length === 0) {
    return undefined;
  }
  const path = ownerScope(layer).node.path;
  return { definition: LAYER_VERSION_NOT_RETAINED, message: layerVersionNotRetainedMessage(path, sharedWith.join(' and ')) };
}
