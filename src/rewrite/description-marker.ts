import { sha256Hex } from '../fingerprint/digest';

/** Lambda's limit on a function description. */
export const MAX_DESCRIPTION_LENGTH = 256;

/** How the marker begins. */
export const MARKER_PREFIX = '[layer-sync ';
/** The marker this library appends, with the white space before it. */
const TRAILING_MARKER = /\s*\[layer-sync [0-9a-fx ]+\]$/;
const ELLIPSIS = '...';

/** A description with the layer marker, and whether the user's own text had to be shortened. */
export interface ComposedDescription {
  readonly description: string;
  /** The length of the user's text before it was shortened; undefined when it was kept whole. */
  readonly truncatedFrom?: number;
  /** How many characters of the user's text were kept (then `...`), when it was shortened. */
  readonly keptLength?: number;
}

/** The user's description without a marker this library appended earlier. */
export function stripMarker(description: string): string {
  return description.replace(TRAILING_MARKER, '');
}

/**
 * The user's description followed by one marker with the short fingerprints of the function's tracked
 * layers, in layer order: `My function [layer-sync 3f9a1c2b4d5e 0f1e2d3c4b5a]`.
 *
 * Never longer than 256 characters: when the marker does not fit beside the user's text it is compacted
 * to a combined digest (`[layer-sync 2x9f8e7d6c5b4a3f2e]`); only when even that does not fit is the
 * user's text shortened, to fit beside the full marker. Applying it to its own output gives the same output:
 * a shortened text plus the full marker fills exactly 256 characters, so a second pass keeps both.
 */
export function composeDescription(current: string | undefined, shortFingerprints: readonly string[]): ComposedDescription {
  const userText = stripMarker(current ?? '');
  const full = `${MARKER_PREFIX}${shortFingerprints.join(' ')}]`;
  const compact = `${MARKER_PREFIX}${shortFingerprints.length}x${sha256Hex(shortFingerprints.join(' ')).slice(0, 16)}]`;
  for (const marker of [full, compact]) {
    const description = join(userText, marker);
    if (description.length <= MAX_DESCRIPTION_LENGTH) {
      return { description };
    }
  }
  const keep = MAX_DESCRIPTION_LENGTH - full.length - 1 - ELLIPSIS.length;
  // Never cut a UTF-16 surrogate pair (an emoji) in half: Lambda would reject the lone half.
  const cut = /[\uD800-\uDBFF]/.test(userText.charAt(keep - 1)) ? keep - 1 : keep;
  const shortened = `${userText.slice(0, cut)}${ELLIPSIS}`;
  return { description: join(shortened, full), truncatedFrom: userText.length, keptLength: cut };
}

function join(userText: string, marker: string): string {
  return userText.length > 0 ? `${userText} ${marker}` : marker;
}
