import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../io/atomic-write';
import { withFileLock } from '../io/file-lock';
import { LOCK_FILE_IS_DIRECTORY, unwritableReason } from '../io/writable-file';
import { compareText } from '../io/compare-text';
import { relativePosixPath } from '../io/posix-path';
import { LayerRegistryEntry } from './layer-registry-entry';
import { validateAccount, validateFingerprint, validateParameterName, validateRegion } from './validation';

/** The lock file format version this library reads and writes. */
export const REGISTRY_FILE_VERSION = 1;

const OPTIONAL_STRING_FIELDS = ['account', 'region', 'layerName', 'source', 'producer'] as const;
const KNOWN_FIELDS = new Set(['parameterName', 'fingerprint', 'exclude', 'followSymlinks', ...OPTIONAL_STRING_FIELDS]);

/** The identity of an entry: parameter name, account and region. */
export function entryKey(entry: { parameterName: string; account?: string; region?: string }): string {
  return [entry.parameterName, entry.account ?? '', entry.region ?? ''].join('\u0000');
}

/** Sort entries by parameter name, account, region (code-unit order, the same on every machine). */
export function sortEntries<T extends LayerRegistryEntry>(entries: T[]): T[] {
  return entries.sort((a, b) => compareText(entryKey(a), entryKey(b)));
}

/**
 * The lock file text: `{ "version": 1, "layers": [...] }`, entries sorted, keys sorted, two-space indent,
 * final newline, so that it diffs cleanly. `source` directories are written relative to the file's own
 * directory, with `/` separators, so the file can be committed and read from anywhere.
 */
export function renderRegistryFile(file: string, entries: readonly LayerRegistryEntry[]): string {
  const fileDir = path.dirname(path.resolve(file));
  const layers = sortEntries([...entries]).map(entry => {
    const out: Record<string, unknown> = {};
    const withSource = entry.source === undefined ? entry
      : { ...entry, source: relativePosixPath(fileDir, entry.source) };
    for (const key of Object.keys(withSource).sort()) {
      const value = (withSource as unknown as Record<string, unknown>)[key];
      if (value !== undefined) {
        out[key] = value;
      }
    }
    return out;
  });
  return `${JSON.stringify({ version: REGISTRY_FILE_VERSION, layers }, undefined, 2)}\n`;
}

/** Write the lock file atomically, as it is given: callers that share a file use `updateRegistryFile`. */
export function writeRegistryFile(file: string, entries: readonly LayerRegistryEntry[]): void {
  writeFileAtomic(file, renderRegistryFile(file, entries));
}

/**
 * Read, change and write a lock file under an exclusive lock across processes (`withFileLock`), so that concurrent
 * writers (several `registry add`, several apps' `registryOutput`) never lose each other's entries. A missing file
 * counts as empty; an invalid one is an error, never overwritten.
 *
 * @param update the new entries, from the file's current ones
 */
export function updateRegistryFile(file: string, update: (current: LayerRegistryEntry[]) => LayerRegistryEntry[]): void {
  const unwritable = unwritableReason(file);
  if (unwritable) {
    throw new Error(`cannot write '${path.resolve(file)}': ${unwritable}`);
  }
  withFileLock(file, () => {
    const current = fs.existsSync(file) ? readRegistryFile(file) : [];
    writeRegistryFile(file, update(current));
  });
}

/** `current` with every entry of `replacements` in place of the entry of the same key; the others are kept. */
export function replaceEntries(current: readonly LayerRegistryEntry[], replacements: readonly LayerRegistryEntry[]): LayerRegistryEntry[] {
  const byKey = new Map(current.map(entry => [entryKey(entry), entry]));
  for (const entry of replacements) {
    byKey.set(entryKey(entry), entry);
  }
  return [...byKey.values()];
}

/**
 * Read and validate a lock file. `source` directories come back relative to the working directory.
 * Errors name the file, the entry and the field at fault.
 */
export function readRegistryFile(file: string): LayerRegistryEntry[] {
  const absolute = path.resolve(file);
  let text: string;
  try {
    // A FIFO or a device would block the read, or never end: only a regular file is a lock file.
    const stat = fs.existsSync(absolute) ? fs.statSync(absolute) : undefined;
    if (stat && !stat.isFile()) {
      throw new Error(stat.isDirectory() ? LOCK_FILE_IS_DIRECTORY : 'it is not a regular file');
    }
    text = fs.readFileSync(absolute, 'utf-8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT'
      ? `layer registry file '${absolute}' does not exist; write it with \`cdk-layer-sync registry add\` or the producer app's registryOutput`
      : `cannot read layer registry file '${absolute}': ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`layer registry file '${absolute}' is not valid JSON: ${(error as Error).message}`);
  }
  const fail = (where: string, what: string): never => {
    throw new Error(`layer registry file '${absolute}': ${where}${what}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('', `expected an object { "version": ${REGISTRY_FILE_VERSION}, "layers": [...] }, got ${JSON.stringify(data)}`);
  }
  const root = data as Record<string, unknown>;
  if (root.version !== REGISTRY_FILE_VERSION) {
    return fail('', `unknown version ${JSON.stringify(root.version)}; this cdk-layer-sync reads version ${REGISTRY_FILE_VERSION}`);
  }
  if (!Array.isArray(root.layers)) {
    return fail('', `"layers" must be a list, got ${JSON.stringify(root.layers)}`);
  }
  const fileDir = path.dirname(absolute);
  const seen = new Map<string, number>();
  return root.layers.map((raw, index): LayerRegistryEntry => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return fail(`layers[${index}]: `, `expected an object, got ${JSON.stringify(raw)}`);
    }
    const item = raw as Record<string, unknown>;
    const where = `layers[${index}]${typeof item.parameterName === 'string' ? ` (parameterName '${item.parameterName}')` : ''}: `;
    for (const key of Object.keys(item)) {
      if (!KNOWN_FIELDS.has(key)) {
        fail(where, `unknown field '${key}'; expected ${[...KNOWN_FIELDS].join(', ')}`);
      }
    }
    if (item.parameterName === undefined) {
      fail(where, 'parameterName is missing');
    }
    if (item.fingerprint === undefined) {
      fail(where, 'fingerprint is missing');
    }
    try {
      validateParameterName(item.parameterName, 'parameterName');
      validateFingerprint(item.fingerprint, 'fingerprint');
    } catch (error) {
      fail(where, (error as Error).message);
    }
    for (const key of OPTIONAL_STRING_FIELDS) {
      if (item[key] !== undefined && (typeof item[key] !== 'string' || item[key] === '')) {
        fail(where, `${key} must be a non-empty string, got ${JSON.stringify(item[key])}`);
      }
    }
    try {
      validateAccount(item.account, 'account');
      validateRegion(item.region, 'region');
    } catch (error) {
      fail(where, (error as Error).message);
    }
    if (item.exclude !== undefined && (!Array.isArray(item.exclude) || item.exclude.some(p => typeof p !== 'string'))) {
      fail(where, `exclude must be a list of glob patterns, got ${JSON.stringify(item.exclude)}`);
    }
    if (item.followSymlinks !== undefined && typeof item.followSymlinks !== 'boolean') {
      fail(where, `followSymlinks must be true or false, got ${JSON.stringify(item.followSymlinks)}`);
    }
    const entry: LayerRegistryEntry = {
      parameterName: item.parameterName as string,
      fingerprint: item.fingerprint as string,
      account: item.account as string | undefined,
      region: item.region as string | undefined,
      layerName: item.layerName as string | undefined,
      source: item.source === undefined ? undefined : relativePosixPath(process.cwd(), path.resolve(fileDir, item.source as string)),
      producer: item.producer as string | undefined,
      exclude: item.exclude as string[] | undefined,
      followSymlinks: item.followSymlinks as boolean | undefined,
    };
    const key = entryKey(entry);
    const first = seen.get(key);
    if (first !== undefined) {
      fail(where, `duplicates layers[${first}]: the same parameterName, account and region`);
    }
    seen.set(key, index);
    return entry;
  });
}
