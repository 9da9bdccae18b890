import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';

/** The function's own description had to be shortened to fit the fingerprint marker. */
export const DESCRIPTION_TRUNCATED: FindingDefinition = {
  id: 'cdk-layer-sync:DescriptionTruncated',
  levelProp: 'descriptionTruncated',
  defaultLevel: FindingLevel.INFO,
  explanation: 'Lambda descriptions hold at most 256 characters; the user text was shortened to keep the '
    + 'layer fingerprint marker.',
};

/** Message saying how much of the user's text was kept, why, and how to avoid it. */
export function descriptionTruncatedMessage(functionPath: string, originalLength: number, keptLength: number, layerCount: number): string {
  return `the description of ${functionPath} (${originalLength} characters) was cut to its first ${keptLength} characters `
    + `and '...': beside it, not even the combined marker of its ${layerCount} layer(s) fits in Lambda's 256-character `
    + 'limit, so the text was shortened and the full marker, one fingerprint per layer, written after it. '
    + 'Fix: shorten the description, or set `target: FingerprintTarget.ENVIRONMENT`.';
}
