import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';

/** The function's own description had to be shortened to fit the fingerprint marker. */
export const DESCRIPTION_TRUNCATED: FindingDefinition = {
  id: 'cdk-layer-sync:DescriptionTruncated',
  defaultLevel: FindingLevel.INFO,
  explanation: 'Lambda descriptions hold at most 256 characters; the user text was shortened to keep the '
    + 'layer fingerprint marker.',
};

/** Message saying how much was cut and how to avoid it. */
export function descriptionTruncatedMessage(functionPath: string, originalLength: number, keptLength: number): string {
  return `the description of ${functionPath} (${originalLength} characters) was shortened to ${keptLength} `
    + 'characters to fit the layer fingerprint marker within Lambda\'s 256-character limit. '
    + 'Fix: shorten the description, or set `target: FingerprintTarget.ENVIRONMENT`.';
}
