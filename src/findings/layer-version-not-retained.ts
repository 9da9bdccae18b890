import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';
import { retainLayerLine } from './user-language';

/** A shared layer version is deleted by CloudFormation when the layer is updated. */
export const LAYER_VERSION_NOT_RETAINED: FindingDefinition = {
  id: 'cdk-layer-sync:LayerVersionNotRetained',
  defaultLevel: FindingLevel.WARNING,
  explanation: 'Each layer update deletes the previous version; a consumer stack that fails and rolls back '
    + 'cannot attach it again.',
};

/** Message naming the layer and how to retain it. */
export function layerVersionNotRetainedMessage(layerPath: string, consumers: string): string {
  return `layer version ${layerPath} is shared with ${consumers} but is not retained: every update of the layer `
    + 'makes CloudFormation delete the previous version, and a consumer stack that then fails and rolls back '
    + `cannot attach it again. Fix: ${retainLayerLine()} on the LayerVersion.`;
}
