import * as fs from 'fs';
import { CfnResource } from 'aws-cdk-lib';
import { stagedAssetOf } from '../cdk-internals/asset-staging';
import { ownerScope } from '../cfn/owner-scope';

/** The source directory of a layer version's code asset, as CDK staged it. */
export interface LayerAssetSource {
  /** The layer version resource. */
  readonly layer: CfnResource;
  /** The directory `Code.fromAsset` was given, absolute. */
  readonly sourcePath: string;
  /** The asset hash CDK computed for it (the S3 key of the layer's code). */
  readonly assetHash: string;
}

/** The excludes CDK itself adds to every asset; anything more is the user's. */
const CDK_OWN_EXCLUDES = ['.is_custom_resource'];

/**
 * The directory asset behind a `LayerVersion` made with `Code.fromAsset(directory)`, when CDK hashed it from
 * its source with no exclude of the user's: only then do CDK's asset hash and this library's directory
 * fingerprint see the same files. Undefined for anything else (a zip file, bundling, a custom hash, excludes,
 * an S3 object, an L1 with literal content), and for a source path that is no longer there.
 * A staging of another shape than expected is recorded for `UnsupportedCdkRelease` (`stagedAssetOf`).
 */
export function layerAssetSource(layer: CfnResource): LayerAssetSource | undefined {
  const staging = stagedAssetOf(layer, ownerScope(layer));
  const excludes = staging?.excludes;
  if (!staging || staging.hashType !== 'source' || !excludes || excludes.some(e => !CDK_OWN_EXCLUDES.includes(e))) {
    return undefined;
  }
  if (!fs.statSync(staging.sourcePath, { throwIfNoEntry: false })?.isDirectory()) {
    return undefined;
  }
  return { layer, sourcePath: staging.sourcePath, assetHash: staging.assetHash };
}
