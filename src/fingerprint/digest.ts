import { createHash } from 'crypto';

/** Number of hex characters of a fingerprint written into function configurations. */
export const SHORT_FINGERPRINT_LENGTH = 12;

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

/** SHA-256 of a string, hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The short form of a fingerprint written into a function's configuration: its first 12 characters
 * when it is hexadecimal (as every fingerprint this library computes is), else 12 hex characters of its
 * SHA-256, so that any registry fingerprint gives a compact, stable marker.
 */
export function shortFingerprint(fingerprint: string): string {
  if (/^[0-9a-f]{12,}$/.test(fingerprint)) {
    return fingerprint.slice(0, SHORT_FINGERPRINT_LENGTH);
  }
  return sha256Hex(fingerprint).slice(0, SHORT_FINGERPRINT_LENGTH);
}
