import { DirectoryFingerprintOptions } from '../fingerprint/directory-fingerprint-options';

/**
 * Where a layer's SSM parameter lives, and what to call the layer.
 */
export interface LayerLocationOptions {
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
 * Options of `LayerRegistry.add`.
 */
export interface LayerRegistryEntryOptions extends LayerLocationOptions {
  /**
   * The layer's source directory, relative to the working directory. When it exists at synthesis, the
   * aspect fingerprints it again and reports `cdk-layer-sync:StaleRegistryEntry` on a mismatch.
   * @default - none: the entry is never checked for staleness
   */
  readonly source?: string;
  /**
   * The construct path of the producing layer, for reports.
   * @default - none
   */
  readonly producer?: string;
  /**
   * Extra exclude patterns the fingerprint of `source` was made with, so the staleness check uses them too.
   * @default - only the default excludes
   */
  readonly exclude?: string[];
  /**
   * Whether the fingerprint of `source` followed symbolic links, so the staleness check does too.
   * @default false
   */
  readonly followSymlinks?: boolean;
}

/**
 * One layer known to a registry.
 */
export interface LayerRegistryEntry extends LayerRegistryEntryOptions {
  /** The SSM parameter that holds the layer version ARN. */
  readonly parameterName: string;
  /** The layer's fingerprint: it changes exactly when the layer changes. */
  readonly fingerprint: string;
}

/**
 * Options of `LayerRegistry.addDirectory`: where the layer lives and how to fingerprint its directory.
 */
export interface LayerRegistryDirectoryOptions extends LayerLocationOptions, DirectoryFingerprintOptions {}
