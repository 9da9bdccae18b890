/** A layer's directory asset with the fingerprint of its source, for the next synthesis to compare. */
export interface LayerAssetRecord {
  /** The layer's construct path. */
  readonly layer: string;
  readonly sourcePath: string;
  readonly assetHash: string;
  readonly fingerprint: string;
}
