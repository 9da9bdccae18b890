/** A layer's directory asset with the fingerprint of its source, for the next synthesis to compare. */
export interface LayerAssetRecord {
  /** The layer's construct path. */
  readonly layer: string;
  readonly sourcePath: string;
  readonly assetHash: string;
  readonly fingerprint: string;
}

/** What the previous synthesis into a cloud assembly directory recorded of its layer assets. */
export interface PreviousLayerAssets {
  /** The layer assets, by layer path; empty on a first synthesis or a report of an older release. */
  readonly records: ReadonlyMap<string, LayerAssetRecord>;
  /** Why the previous report could not be read, when it is there but unreadable: `StaleAssetHash` is then off. */
  readonly unreadable?: string;
}
