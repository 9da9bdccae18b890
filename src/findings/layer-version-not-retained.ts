import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';
import { retainLayerLine } from './user-language';

/** A shared layer version is deleted by CloudFormation when the layer is updated. */
export const LAYER_VERSION_NOT_RETAINED: FindingDefinition = {
  id: 'cdk-layer-sync:LayerVersionNotRetained',
  levelProp: 'layerVersionNotRetained',
  defaultLevel: FindingLevel.WARNING,
  explanation: 'Each layer update deletes the previous version; a consumer stack that fails and rolls back '
    + 'cannot attach it again.',
};

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
