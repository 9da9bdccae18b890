import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';

/** A function attaches a layer ARN that `valueFromLookup` cached in the app's context. */
export const CACHED_LAYER_LOOKUP: FindingDefinition = {
  id: 'cdk-layer-sync:CachedLayerLookup',
  levelProp: 'cachedLayerLookup',
  defaultLevel: FindingLevel.WARNING,
  explanation: 'ssm.StringParameter.valueFromLookup reads the parameter once and caches the ARN in cdk.context.json; '
    + 'when the layer is published again the function keeps attaching the old version.',
};

/** Message naming the function, the parameter, the context key and both fixes. */
export function cachedLayerLookupMessage(functionPath: string, parameterName: string, contextKey: string): string {
  return `function ${functionPath} attaches the layer ARN that ssm.StringParameter.valueFromLookup read from SSM `
    + `parameter '${parameterName}' and cached in the app's context (key '${contextKey}', in cdk.context.json). `
    + 'The cached ARN never changes by itself: when the layer is published again, this function keeps attaching '
    + 'the old layer version, and no fingerprint can move it (none is written). '
    + `Fix: import it with ssm.StringParameter.valueForStringParameter(scope, '${parameterName}') (resolved at deploy `
    + `time, and followed by cdk-layer-sync), or run \`cdk context --reset '${contextKey}'\` after every layer release.`;
}
