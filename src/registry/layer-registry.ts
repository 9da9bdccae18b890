import { EnvironmentMatch, matchEnvironment } from './environment-match';
import { validateFingerprint, validateParameterName } from './validation';

/**
 * Where a registered layer lives, beyond its parameter name.
 */
export interface LayerRegistryEntryOptions {
  /**
   * The AWS account the SSM parameter lives in.
   * @default - any account: the entry matches consumers in every account
   */
  readonly account?: string;
  /**
   * The AWS region the SSM parameter lives in.
   * @default - any region: the entry matches consumers in every region
   */
  readonly region?: string;
  /**
   * A human-readable name of the layer, for reports.
   * @default - none
   */
  readonly layerName?: string;
}

/**
 * One layer known to a registry.
 */
export interface LayerRegistryEntry {
  /** The SSM parameter that holds the layer version ARN. */
  readonly parameterName: string;
  /** The layer's fingerprint: it changes exactly when the layer changes. */
  readonly fingerprint: string;
  /**
   * The AWS account of the parameter.
   * @default - any account
   */
  readonly account?: string;
  /**
   * The AWS region of the parameter.
   * @default - any region
   */
  readonly region?: string;
  /**
   * A human-readable name of the layer.
   * @default - none
   */
  readonly layerName?: string;
}

/**
 * Fingerprints of layers published through SSM parameters, keyed by (parameter name, account, region).
 *
 * Give one to `LayerDependencyAspect` when consumers import layers that the app itself does not create.
 * Entries given here take precedence over producers the aspect discovers in the app.
 */
export class LayerRegistry {
  private readonly byKey = new Map<string, LayerRegistryEntry>();

  /**
   * Register (or replace) the fingerprint of the layer whose ARN is stored in an SSM parameter.
   *
   * @param parameterName the SSM parameter name, exactly as consumers import it
   * @param fingerprint any string that changes exactly when the layer changes
   */
  public add(parameterName: string, fingerprint: string, options: LayerRegistryEntryOptions = {}): void {
    validateParameterName(parameterName, 'parameterName');
    validateFingerprint(fingerprint, `fingerprint of '${parameterName}'`);
    const entry: LayerRegistryEntry = {
      parameterName,
      fingerprint,
      account: options.account,
      region: options.region,
      layerName: options.layerName,
    };
    this.byKey.set(registryKey(entry), entry);
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
    return [...this.byKey.values()].sort((a, b) => compareKeys(registryKey(a), registryKey(b)));
  }

  /**
   * Like `lookup`, but also tells which entries made the match ambiguous.
   * @internal
   */
  public _match(parameterName: string, account?: string, region?: string): EnvironmentMatch<LayerRegistryEntry> {
    const candidates = [...this.byKey.values()].filter(e => e.parameterName === parameterName);
    return matchEnvironment(candidates, account, region);
  }
}

/** The identity of an entry: parameter name, account and region. */
export function registryKey(entry: { parameterName: string; account?: string; region?: string }): string {
  return [entry.parameterName, entry.account ?? '', entry.region ?? ''].join('\u0000');
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
