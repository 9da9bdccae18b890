import { fingerprintDirectory } from '../fingerprint/directory-fingerprint';
import { relativePosixPath } from '../io/posix-path';
import { EnvironmentMatch, matchEnvironment } from './environment-match';
import { LayerRegistryDirectoryOptions, LayerRegistryEntry, LayerRegistryEntryOptions } from './layer-registry-entry';
import { entryKey, readRegistryFile, replaceEntries, sortEntries, updateRegistryFile } from './registry-file';
import { validateAccount, validateFingerprint, validateOptionalText, validateParameterName, validateRegion } from './validation';

/**
 * Fingerprints of layers published through SSM parameters, keyed by (parameter name, account, region).
 *
 * Give one to `LayerDependencyAspect` when consumers import layers that the app itself does not create.
 * A producer the aspect discovers in the app takes precedence over an entry of the same parameter (the app
 * knows its own layer best, also when it reads the lock file it writes). Share one between CDK apps as a JSON lock file (`writeFile`, `fromFile`).
 */
export class LayerRegistry {
  /**
   * Read a lock file written by `writeFile`, the `cdk-layer-sync registry add` command or a producer
   * app's `registryOutput`.
   *
   * @throws naming the file, the entry and the field when the file is missing, not JSON, of an unknown
   * version, or holds an invalid or duplicate entry
   */
  public static fromFile(file: string): LayerRegistry {
    if (typeof file !== 'string' || file.trim() === '') {
      throw new Error(`LayerRegistry.fromFile: expected the path of a lock file, got ${JSON.stringify(file)}`);
    }
    const registry = new LayerRegistry();
    for (const entry of readRegistryFile(file)) {
      registry.put(entry);
    }
    registry._file = file;
    return registry;
  }

  /**
   * The lock file this registry was read from, if any.
   * @internal
   */
  public _file?: string;

  private readonly byKey = new Map<string, LayerRegistryEntry>();
  /** The same entries by parameter name: lookups run for every consumer, so they must not scan. */
  private readonly byName = new Map<string, Map<string, LayerRegistryEntry>>();

  /**
   * Register (or replace) the fingerprint of the layer whose ARN is stored in an SSM parameter.
   *
   * @param parameterName the SSM parameter name, exactly as consumers import it
   * @param fingerprint any string that changes exactly when the layer changes
   */
  public add(parameterName: string, fingerprint: string, options: LayerRegistryEntryOptions = {}): void {
    validateParameterName(parameterName, 'parameterName');
    validateFingerprint(fingerprint, `fingerprint of '${parameterName}'`);
    validateAccount(options.account, `account of '${parameterName}'`);
    validateRegion(options.region, `region of '${parameterName}'`);
    // What every lock file reader refuses is refused here too, so a writer never writes an entry no one can read.
    for (const field of ['layerName', 'source', 'producer'] as const) {
      validateOptionalText(options[field], `${field} of '${parameterName}'`);
    }
    this.put({ ...withoutUndefined(options), parameterName, fingerprint });
  }

  /**
   * Fingerprint a layer's source directory (`LayerFingerprint.ofDirectory`) and register it. The entry
   * records the directory relative to the working directory, so the aspect can tell when it goes stale.
   *
   * @returns the fingerprint
   */
  public addDirectory(parameterName: string, directory: string, options: LayerRegistryDirectoryOptions = {}): string {
    const fingerprint = fingerprintDirectory(directory, { exclude: options.exclude, followSymlinks: options.followSymlinks });
    this.add(parameterName, fingerprint, {
      account: options.account,
      region: options.region,
      layerName: options.layerName,
      source: relativePosixPath(process.cwd(), directory),
      exclude: options.exclude && options.exclude.length > 0 ? [...options.exclude] : undefined,
      followSymlinks: options.followSymlinks === true ? true : undefined,
    });
    return fingerprint;
  }

  /**
   * The fingerprint that applies to a consumer importing `parameterName` in the given environment.
   *
   * An entry without account or region matches every account or region; the most specific entry wins.
   * Returns undefined when nothing matches, or when several equally specific entries disagree.
   */
  public lookup(parameterName: string, account?: string, region?: string): string | undefined {
    return this._match(parameterName, account, region).match?.fingerprint;
  }

  /** All entries, sorted by parameter name, account and region. */
  public get entries(): LayerRegistryEntry[] {
    return sortEntries([...this.byKey.values()]);
  }

  /**
   * Write the registry into a JSON lock file, atomically (temporary file, then rename) and under a lock that other
   * writers (other apps, `cdk-layer-sync registry add`) wait for: the registry's entries replace the file's entries
   * of the same (parameter name, account, region), and the file's other entries are kept. Entries and keys sorted,
   * two-space indent, final newline; `source` directories are written relative to the file.
   */
  public writeFile(file: string): void {
    const entries = this.entries;
    updateRegistryFile(file, current => replaceEntries(current, entries));
  }

  /**
   * Like `lookup`, but also tells which entries made the match ambiguous.
   * @internal
   */
  public _match(parameterName: string, account?: string, region?: string): EnvironmentMatch<LayerRegistryEntry> {
    return matchEnvironment([...(this.byName.get(parameterName)?.values() ?? [])], account, region);
  }

  /** Add or replace an entry under its (parameter name, account, region) key. */
  private put(entry: LayerRegistryEntry): void {
    const key = entryKey(entry);
    this.byKey.set(key, entry);
    let sameName = this.byName.get(entry.parameterName);
    if (!sameName) {
      sameName = new Map();
      this.byName.set(entry.parameterName, sameName);
    }
    sameName.set(key, entry);
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
