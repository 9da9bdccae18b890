import { ownerScope } from '../cfn/owner-scope';
import { LayerStatus } from '../facts/layer-status';
import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';
import { apiName } from './user-language';

/** A function attaches a layer ARN that `valueFromLookup` cached in the app's context. */
export const CACHED_LAYER_LOOKUP: FindingDefinition = {
  id: 'cdk-layer-sync:CachedLayerLookup',
  levelProp: 'cachedLayerLookup',
  defaultLevel: FindingLevel.WARNING,
  explanation: 'ssm.StringParameter.valueFromLookup reads the parameter once and caches the ARN in cdk.context.json; '
    + 'when the layer is published again the function keeps attaching the old version.',
  status: LayerStatus.CACHED_LOOKUP,
  checkLayer: (layer, consumer) => layer.status !== LayerStatus.CACHED_LOOKUP ? [] : [{
    definition: CACHED_LAYER_LOOKUP,
    message: cachedLayerLookupMessage(ownerScope(consumer.fn).node.path, layer.source.parameterName!, layer.source.contextKey!),
    parameterName: layer.source.parameterName,
    cause: layer.source.label,
  }],
};

/** Message naming the function, the parameter, the context key and both fixes. */
export function cachedLayerLookupMessage(functionPath: string, parameterName: string, contextKey: string): string {
  return `function ${functionPath} attaches the layer ARN that ${apiName('ssm.StringParameter.valueFromLookup')} read from SSM `
    + `parameter '${parameterName}' and cached in the app's context (key '${contextKey}', in cdk.context.json). `
    + 'The cached ARN never changes by itself: when the layer is published again, this function keeps attaching '
    + 'the old layer version, and no fingerprint can move it (none is written). '
    + `Fix: import it with ${apiName('ssm.StringParameter.valueForStringParameter')}(scope, '${parameterName}') (resolved at deploy `
    + `time, and followed by cdk-layer-sync), or run \`cdk context --reset '${contextKey}'\` after every layer release.`;
}
