import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';

/** A function could follow its layers but its configuration does not carry their current fingerprints. */
export const CONSUMER_NOT_FOLLOWING: FindingDefinition = {
  id: 'cdk-layer-sync:ConsumerNotFollowing',
  defaultLevel: FindingLevel.ERROR,
  explanation: 'The producer of the function\'s layer is known, but neither its description nor its environment '
    + 'carries the layer\'s current fingerprint: when the layer changes, the function\'s template does not, so cdk '
    + 'deploy skips it and its versions and aliases keep the old layer.',
};

/** Message for a followable function that does not carry the fingerprints of its layers (the cdk-nag pack). */
export function consumerNotFollowingMessage(functionPath: string, expected: readonly string[], reason: string): string {
  return `function ${functionPath} could follow its shared layer(s), but ${reason}: its configuration carries none of `
    + `their current fingerprints (${expected.join(' ')}), so it will not change when they do, cdk deploy will skip it `
    + 'and its versions and aliases will keep the old layer. Fix: add '
    + '`Aspects.of(app).add(new LayerDependencyAspect(), { priority: AspectPriority.MUTATING })` to the App, and the same '
    + 'line (with `this`) inside each Stage that holds the function.';
}
