/** SSM parameter names: letters, digits, `.`, `-`, `_` and `/` (hierarchies), at most 2048 characters. */
const PARAMETER_NAME = /^[a-zA-Z0-9_.\-/]{1,2048}$/;
/** Fingerprints are printable, without white space, so they fit descriptions and lock files. */
const FINGERPRINT = /^[\x21-\x7e]{1,256}$/;

/** Throws unless `value` is a valid SSM parameter name; `what` names the input in the message. */
export function validateParameterName(value: unknown, what: string): void {
  if (typeof value !== 'string' || !PARAMETER_NAME.test(value)) {
    throw new Error(`${what}: expected an SSM parameter name (letters, digits, '.', '-', '_' and '/'), got ${JSON.stringify(value)}`);
  }
}

/** Throws unless `value` is a usable fingerprint; `what` names the input in the message. */
export function validateFingerprint(value: unknown, what: string): void {
  if (typeof value !== 'string' || !FINGERPRINT.test(value)) {
    throw new Error(`${what}: expected a non-empty string of printable characters without spaces (at most 256), got ${JSON.stringify(value)}`);
  }
}
