import * as fs from 'fs';
import * as path from 'path';
import { CfnResource } from 'aws-cdk-lib';
import { ownerScope } from '../findings/owner-scope';
import { staleAssetHashMessage, STALE_ASSET_HASH } from '../findings/stale-asset-hash';
import { fingerprintDirectory } from '../fingerprint/directory-fingerprint';
import { layerAssetSource } from '../producers/layer-asset';
import { REPORT_FILE } from '../report/layer-dependency-report';
import { PendingFinding } from './analyze-consumer';

/** A layer's directory asset with the fingerprint of its source, as the report records it. */
export interface LayerAssetRecord {
  /** The layer's construct path. */
  readonly layer: string;
  readonly sourcePath: string;
  readonly assetHash: string;
  readonly fingerprint: string;
}

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
 * The layer assets the previous synthesis into this cloud assembly directory recorded in its report, by layer
 * path; empty on a first synthesis, or when the report cannot be read.
 */
export function previousLayerAssets(assemblyDirectory: string | undefined): Map<string, LayerAssetRecord> {
  const byLayer = new Map<string, LayerAssetRecord>();
  if (!assemblyDirectory) {
    return byLayer;
  }
  try {
    const report = JSON.parse(fs.readFileSync(path.join(assemblyDirectory, REPORT_FILE), 'utf-8'));
    for (const record of Array.isArray(report.layerAssets) ? report.layerAssets : []) {
      if (typeof record?.layer === 'string' && typeof record.assetHash === 'string' && typeof record.fingerprint === 'string') {
        byLayer.set(record.layer, record);
      }
    }
  } catch {
    // First synthesis, or an older report: nothing to compare with.
  }
  return byLayer;
}

/**
 * `StaleAssetHash` when CDK gave a layer the same asset hash as the previous synthesis although its source
 * directory's fingerprint changed: CDK's own fingerprint cache missed the change.
 */
export function staleAssetFinding(
  current: LayerAssetRecord | undefined, previous: ReadonlyMap<string, LayerAssetRecord>,
): PendingFinding | undefined {
  const before = current && previous.get(current.layer);
  if (!current || !before || before.assetHash !== current.assetHash || before.fingerprint === current.fingerprint) {
    return undefined;
  }
  return {
    definition: STALE_ASSET_HASH,
    message: staleAssetHashMessage(current.layer, current.sourcePath, current.assetHash, before.fingerprint, current.fingerprint),
  };
}
