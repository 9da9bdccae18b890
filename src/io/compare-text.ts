/**
 * Orders strings by UTF-16 code units, the same on every machine and locale (unlike `localeCompare`), so
 * sorted files and fingerprints do not depend on where they were made.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
