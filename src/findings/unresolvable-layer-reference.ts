import { ownerScope } from '../cfn/owner-scope';
import { LayerStatus } from '../facts/layer-status';
import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';
import { apiName } from './user-language';

/** A function's layers, description or a producer's properties hold a token the aspect cannot read. */
export const UNRESOLVABLE_LAYER_REFERENCE: FindingDefinition = {
  id: 'cdk-layer-sync:UnresolvableLayerReference',
  levelProp: 'unhashedConsumer',
  defaultLevel: FindingLevel.WARNING,
  explanation: 'The aspect could not resolve a value it needs to follow a layer; the function is left as it was '
    + 'and will not move with its layer.',
  status: LayerStatus.UNRESOLVABLE,
  checkLayer: (layer, consumer) => layer.status !== LayerStatus.UNRESOLVABLE ? [] : [{
    definition: UNRESOLVABLE_LAYER_REFERENCE,
    message: unresolvableLayerReferenceMessage(ownerScope(consumer.fn).node.path, layer.source.label, layer.reason ?? 'unknown value'),
    parameterName: layer.source.parameterName,
    cause: layer.source.label,
  }],
};

/** Message naming the construct, what could not be read and why. */
export function unresolvableLayerReferenceMessage(path: string, what: string, detail: string): string {
  return `cannot follow the layers of ${path}: ${what} (${detail}). The function is left unchanged: when its layer `
    + 'changes, no version is published and its aliases keep the old layer. Fix: pass the layer ARN as a plain SSM '
    + 'parameter import or a LayerVersion, or write the fingerprint into the environment instead '
    + `(${apiName('target')}: FingerprintTarget.ENVIRONMENT).`;
}
