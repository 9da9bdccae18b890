import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';

/** CDK kept a layer's old asset hash although its source directory changed (aws/aws-cdk#38500). */
export const STALE_ASSET_HASH: FindingDefinition = {
  id: 'cdk-layer-sync:StaleAssetHash',
  levelProp: 'staleAssetHash',
  defaultLevel: FindingLevel.ERROR,
  explanation: 'CDK\'s fingerprint cache (inode, mtime, size) missed a change of the layer\'s source directory, so the '
    + 'old asset hash, S3 key and layer version are reused and the change is never deployed.',
};

/** Message naming the layer, the directory, both fingerprints and the fix. */
export function staleAssetHashMessage(layerPath: string, sourcePath: string, assetHash: string, before: string, now: string): string {
  return `layer version ${layerPath} keeps CDK's asset hash ${assetHash.slice(0, 12)} although its source directory `
    + `${sourcePath} changed since the last synthesis into this cloud assembly (its fingerprint was ${before.slice(0, 12)}, `
    + `it is ${now.slice(0, 12)}). aws-cdk-lib caches file hashes by inode, modification time and size in `
    + '~/.cdk/cache/fingerprints (aws/aws-cdk#38500); a same-size edit whose modification time is kept (unzip, tar, '
    + 'reproducible builds) goes unseen, so the old S3 key is reused, no new layer version is published, and every '
    + 'consumer keeps the old code. Fix: delete ~/.cdk/cache/fingerprints and synthesize again.';
}

/** Message for a layer whose staleness cannot be checked: the previous synthesis's report is unreadable. */
export function staleAssetCheckOffMessage(layerPath: string, unreadable: string): string {
  return `cannot tell whether CDK kept a stale asset hash for layer version ${layerPath}: the previous synthesis's report `
    + `${unreadable}, and it holds the fingerprints to compare with (aws/aws-cdk#38500). A same-size edit of the layer `
    + 'whose modification time is kept would go unseen in this synthesis. Fix: synthesize again (this synthesis writes a '
    + 'new report), or delete the cloud assembly directory first.';
}
