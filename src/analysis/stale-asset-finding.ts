import { CfnResource } from 'aws-cdk-lib';
import { ownerScope } from '../cfn/owner-scope';
import { staleAssetCheckOffMessage, staleAssetHashMessage, STALE_ASSET_HASH } from '../findings/stale-asset-hash';
import { fingerprintDirectory } from '../fingerprint/directory-fingerprint';
import { layerAssetSource } from '../producers/layer-asset';
import { PendingFinding } from '../findings/finding';
import { LayerAssetRecord, PreviousLayerAssets } from '../facts/layer-asset-record';

/** The directory asset of a layer version, fingerprinted now (with the ctime-safe cache); undefined if it has none. */
export function recordLayerAsset(layer: CfnResource): LayerAssetRecord | undefined {
  const source = layerAssetSource(layer);
  if (!source) {
    return undefined;
  }
  try {
    const fingerprint = fingerprintDirectory(source.sourcePath);
    return { layer: ownerScope(layer).node.path, sourcePath: source.sourcePath, assetHash: source.assetHash, fingerprint };
  } catch {
    // An empty or unreadable directory: CDK reports that itself when it stages the asset.
    return undefined;
  }
}

/**
 * `StaleAssetHash` when CDK gave a layer the same asset hash as the previous synthesis although its source
 * directory's fingerprint changed: CDK's own fingerprint cache missed the change. When the previous report cannot be
 * read, the check cannot run, which is a finding too.
 */
export function staleAssetFinding(current: LayerAssetRecord | undefined, previous: PreviousLayerAssets): PendingFinding | undefined {
  if (current && previous.unreadable) {
    return { definition: STALE_ASSET_HASH, message: staleAssetCheckOffMessage(current.layer, previous.unreadable) };
  }
  const before = current && previous.records.get(current.layer);
  if (!current || !before || before.assetHash !== current.assetHash || before.fingerprint === current.fingerprint) {
    return undefined;
  }
  return {
    definition: STALE_ASSET_HASH,
    message: staleAssetHashMessage(current.layer, current.sourcePath, current.assetHash, before.fingerprint, current.fingerprint),
  };
}
