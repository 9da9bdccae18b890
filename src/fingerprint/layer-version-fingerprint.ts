import { CfnResource } from 'aws-cdk-lib';
import { renderedProperties } from '../cdk-internals/rendered-resource';
import { sha256Hex, stableStringify } from './digest';

/** CloudFormation type of a layer version. */
export const LAYER_VERSION_TYPE = 'AWS::Lambda::LayerVersion';

/**
 * The fingerprint of a layer version resource: SHA-256 over its resolved CloudFormation properties.
 *
 * Every property of `AWS::Lambda::LayerVersion` requires replacement, so this changes exactly when
 * CloudFormation publishes a new layer version: content (the asset hash is part of the S3 key),
 * runtimes, architectures, licence, description or name. Property overrides are included.
 *
 * @throws when the properties hold a token that cannot be resolved
 */
export function fingerprintLayerVersion(layer: CfnResource): string {
  return sha256Hex(stableStringify({ Type: layer.cfnResourceType, Properties: renderedProperties(layer) }));
}
