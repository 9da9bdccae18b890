import { composeDescription } from './description-marker';
import { environmentValue } from './environment-variable';

/**
 * True when a function's rendered properties carry the given short fingerprints, as the aspect writes them: the
 * description's marker (composing it again gives the same description), or an environment variable's value.
 */
export function carriesFingerprints(properties: Record<string, unknown>, shortFingerprints: readonly string[]): boolean {
  const description = properties.Description;
  if (typeof description === 'string' && composeDescription(description, shortFingerprints).description === description) {
    return true;
  }
  const variables = (properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
  return Object.values(variables).includes(environmentValue(shortFingerprints));
}
