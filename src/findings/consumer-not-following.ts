import { LayerSourceKind } from '../detect/layer-source';
import { deployConsequence } from './deploy-consequence';
import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';
import { addToAppLine, stageLine } from './user-language';

/** A function could follow its layers but its configuration does not carry their current fingerprints. */
export const CONSUMER_NOT_FOLLOWING: FindingDefinition = {
  id: 'cdk-layer-sync:ConsumerNotFollowing',
  defaultLevel: FindingLevel.ERROR,
  explanation: 'The producer of the function\'s layer is known, but neither its description nor its environment '
    + 'carries the layer\'s current fingerprint: when the layer changes, the function\'s configuration does not, so no '
    + 'version is published and its aliases keep the old layer.',
};

/**
 * Message for a followable function that does not carry the fingerprints of its layers (the cdk-nag pack).
 * @param kinds how its followable layers reach it, which decides what `cdk deploy` does with it
 */
export function consumerNotFollowingMessage(
  functionPath: string, expected: readonly string[], reason: string, kinds: readonly LayerSourceKind[] = [LayerSourceKind.SSM_PARAMETER],
): string {
  return `function ${functionPath} could follow its shared layer(s), but ${reason}: its configuration carries none of `
    + `their current fingerprints (${expected.join(' ')}), so it will not change when they do: ${deployConsequence(kinds)}. `
    + `Fix: call ${addToAppLine()} right after creating the App (aws-cdk-lib 2.196.0 and later), or add the aspect to the `
    + `App and inside each Stage that holds the function: ${stageLine()}.`;
}
