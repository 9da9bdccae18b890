import * as fs from 'fs';
import * as path from 'path';
import { fingerprintDirectory } from '../fingerprint/directory-fingerprint';
import { LayerRegistryEntry } from './layer-registry-entry';

/** A registry entry whose source directory no longer has the registered fingerprint. */
export interface StaleEntry {
  readonly entry: LayerRegistryEntry;
  /** The source directory, absolute. */
  readonly directory: string;
  /** Its fingerprint now; undefined when it could not be computed (see `error`). */
  readonly current?: string;
  readonly error?: string;
}

/**
 * Fingerprint an entry's `source` directory again, when it has one that exists here.
 * @returns the mismatch, or undefined when the entry is current or cannot be checked
 */
export function checkStaleness(entry: LayerRegistryEntry): StaleEntry | undefined {
  if (entry.source === undefined) {
    return undefined;
  }
  const directory = path.resolve(entry.source);
  if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) {
    return undefined;
  }
  try {
    const current = fingerprintDirectory(directory, { exclude: entry.exclude, followSymlinks: entry.followSymlinks });
    return current === entry.fingerprint ? undefined : { entry, directory, current };
  } catch (error) {
    return { entry, directory, error: (error as Error).message };
  }
}
