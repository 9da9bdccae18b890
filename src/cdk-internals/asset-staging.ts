import { AssetStaging, CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CdkInternal, recordChangedInternal, shapeOf } from './cdk-internal';

export const ASSET_STAGING: CdkInternal = {
  name: 'AssetStaging hashType and fingerprintOptions (private)',
  checksOff: '`StaleAssetHash` (CDK keeping a layer\'s asset hash after its directory changed goes unseen)',
};

/** How CDK staged the code asset of a layer version. */
export interface StagedAsset {
  /** The path `Code.fromAsset` was given, absolute. */
  readonly sourcePath: string;
  /** The asset hash CDK computed (the S3 key of the layer's code). */
  readonly assetHash: string;
  /** CDK's hash type: `source` when it hashed the source directory. */
  readonly hashType: string;
  /** The excludes of CDK's fingerprint; undefined when it has none. */
  readonly excludes?: readonly string[];
}

const HASH_TYPES = ['source', 'bundle', 'output', 'custom'];

/**
 * The `AssetStaging` below a layer version's construct (`owner`, the L2 or the L1 itself), found by type (public),
 * with its private hash type and fingerprint excludes; undefined when the layer has no staged asset.
 *
 * Checked: the hash type is one of `source`, `bundle`, `output`, `custom`, and the fingerprint options, when set, are
 * an object whose excludes are strings. Otherwise the change is recorded for `UnsupportedCdkRelease` and the asset
 * reads as none.
 */
export function stagedAssetOf(layer: CfnResource, owner: IConstruct): StagedAsset | undefined {
  const staging = owner.node.findAll().find((c): c is AssetStaging => c instanceof AssetStaging);
  if (!staging) {
    return undefined;
  }
  const like = staging as unknown as { hashType?: unknown; fingerprintOptions?: unknown };
  if (typeof like.hashType !== 'string' || !HASH_TYPES.includes(like.hashType)) {
    recordChangedInternal(layer, ASSET_STAGING, `hashType is ${shapeOf(like.hashType)} ${JSON.stringify(like.hashType) ?? ''}`.trim());
    return undefined;
  }
  const options = like.fingerprintOptions ?? {};
  const excludes = (options as { exclude?: unknown } | null)?.exclude;
  if (options === null || typeof options !== 'object'
    || (excludes !== undefined && (!Array.isArray(excludes) || excludes.some(e => typeof e !== 'string')))) {
    recordChangedInternal(layer, ASSET_STAGING, `fingerprintOptions is ${shapeOf(options)}, with exclude ${shapeOf(excludes)}`);
    return undefined;
  }
  return { sourcePath: staging.sourcePath, assetHash: staging.assetHash, hashType: like.hashType, excludes: excludes as string[] | undefined };
}
