import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';

/** A function's layers, description or a producer's properties hold a token the aspect cannot read. */
export const UNRESOLVABLE_LAYER_REFERENCE: FindingDefinition = {
  id: 'cdk-layer-sync:UnresolvableLayerReference',
  levelProp: 'unhashedConsumer',
  defaultLevel: FindingLevel.WARNING,
  explanation: 'The aspect could not resolve a value it needs to follow a layer; the function is left as it was '
    + 'and will not move with its layer.',
};

/** Message naming the construct, what could not be read and why. */
export function unresolvableLayerReferenceMessage(path: string, what: string, detail: string): string {
  return `cannot follow the layers of ${path}: ${what} (${detail}). The function is left unchanged and will `
    + 'not be redeployed when its layer changes. Fix: pass the layer ARN as a plain SSM parameter import or '
    + 'a LayerVersion, or set `target: FingerprintTarget.ENVIRONMENT`.';
}
