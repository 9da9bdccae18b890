import { CfnDeletionPolicy, CfnResource, Stack } from 'aws-cdk-lib';
import { ownerScope } from '../cfn/owner-scope';
import { ConsumerFacts, layersUsed } from '../facts/consumer-facts';
import { TreeFacts } from '../facts/tree-facts';
import { LAYER_VERSION_TYPE } from '../fingerprint/layer-version-fingerprint';
import { FindingDefinition, TreeFinding } from './finding';
import { FindingLevel } from './finding-level';
import { retainLayerLine } from './user-language';

/** A shared layer version is deleted by CloudFormation when the layer is updated. */
export const LAYER_VERSION_NOT_RETAINED: FindingDefinition = {
  id: 'cdk-layer-sync:LayerVersionNotRetained',
  levelProp: 'layerVersionNotRetained',
  defaultLevel: FindingLevel.WARNING,
  explanation: 'Each layer update deletes the previous version; a consumer stack that fails and rolls back '
    + 'cannot attach it again.',
  checkTree: facts => layersNotRetained(facts),
  packResourceType: LAYER_VERSION_TYPE,
};

/** Each layer version CloudFormation deletes on update although functions of other stacks, or other apps, use it. */
function layersNotRetained(facts: TreeFacts): TreeFinding[] {
  const usedBy = new Map(facts.consumers.map(c => [c, layersUsed(c)]));
  const findings: TreeFinding[] = [];
  for (const layer of facts.constructs) {
    if (!CfnResource.isCfnResource(layer) || layer.cfnResourceType !== LAYER_VERSION_TYPE
      || layer.cfnOptions.updateReplacePolicy === CfnDeletionPolicy.RETAIN) {
      continue;
    }
    const layerStack = Stack.of(layer);
    const followers = facts.consumers.filter(c => c.stack !== layerStack && usedBy.get(c)!.has(layer));
    const message = retentionMessage(layer, followers, facts.publishedLayers.has(layer) ? facts.ownLockFile : undefined);
    if (message) {
      findings.push({ definition: LAYER_VERSION_NOT_RETAINED, message, scope: ownerScope(layer), resource: layer });
    }
  }
  return findings;
}

/**
 * The message for a layer version not retained, when functions of other stacks, or other apps (through the lock file
 * the app writes), use it; undefined when none does.
 */
function retentionMessage(layer: CfnResource, followersInOtherStacks: readonly ConsumerFacts[], lockFile?: string): string | undefined {
  const stacks = [...new Set(followersInOtherStacks.map(c => c.stack.node.path))].sort();
  const sharedWith = stacks.length > 0 ? [`functions in ${stacks.join(', ')}`] : [];
  if (lockFile) {
    sharedWith.push(`other CDK apps through ${lockFile}`);
  }
  if (sharedWith.length === 0) {
    return undefined;
  }
  return layerVersionNotRetainedMessage(ownerScope(layer).node.path, sharedWith.join(' and '), layer.cfnOptions.updateReplacePolicy);
}

/**
 * Message naming the layer, its policy and how to retain it.
 *
 * @param updateReplacePolicy the layer's `UpdateReplacePolicy` as the template has it; undefined when absent
 */
export function layerVersionNotRetainedMessage(layerPath: string, consumers: string, updateReplacePolicy?: string): string {
  const policy = updateReplacePolicy === undefined
    ? 'it has no UpdateReplacePolicy, so CloudFormation deletes replaced versions'
    : `its UpdateReplacePolicy is ${updateReplacePolicy} (RemovalPolicy.DESTROY, which is also CDK's default for a LayerVersion)`;
  return `layer version ${layerPath} is shared with ${consumers} but is not retained: ${policy}. Every update of the `
    + 'layer makes CloudFormation delete the previous version, and a consumer stack that then fails and rolls back '
    + `cannot attach it again. Fix: ${retainLayerLine()} on the LayerVersion. If deleting old versions is what you `
    + 'want (a short-lived development stage, say), acknowledge this warning on the layer.';
}
