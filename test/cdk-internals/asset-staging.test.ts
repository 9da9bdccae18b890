import * as path from 'path';
import { AssetHashType, AssetStaging, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ASSET_STAGING, stagedAssetOf } from '../../src/cdk-internals/asset-staging';
import { changedInternalsOf } from '../../src/cdk-internals/cdk-internal';
import { addAspect, layerSource, newApp, ProducerStack } from '../helpers/apps';
import { unsupportedReleaseErrors } from './changed-internals';

function stagingOf(layer: lambda.LayerVersion): AssetStaging {
  return layer.node.findAll().find((c): c is AssetStaging => c instanceof AssetStaging)!;
}

describe('canary: AssetStaging of a layer on this release', () => {
  test('a directory asset is hashed from its source, with only CDK\'s own exclude', () => {
    const app = newApp();
    const source = layerSource();
    const layer = new ProducerStack(app, 'P', { source }).layer;
    const staged = stagedAssetOf(layer.node.defaultChild as lambda.CfnLayerVersion, layer);
    expect(staged).toEqual({ sourcePath: path.resolve(source), assetHash: stagingOf(layer).assetHash, hashType: 'source', excludes: ['.is_custom_resource'] });
    expect(changedInternalsOf(app)).toEqual([]);
  });

  test('a custom hash and the user\'s excludes are read as they were given', () => {
    const app = newApp();
    const layer = new lambda.LayerVersion(new Stack(app, 'S'), 'Layer', {
      code: lambda.Code.fromAsset(layerSource(), { assetHashType: AssetHashType.CUSTOM, assetHash: 'mine', exclude: ['*.pyc'] }),
    });
    const staged = stagedAssetOf(layer.node.defaultChild as lambda.CfnLayerVersion, layer);
    expect(staged?.hashType).toBe('custom');
    expect(staged?.excludes).toEqual(expect.arrayContaining(['*.pyc']));
    expect(changedInternalsOf(app)).toEqual([]);
  });

  test('a layer with inline S3 content has no staging', () => {
    const app = newApp();
    const stack = new Stack(app, 'S');
    const cfn = new lambda.CfnLayerVersion(stack, 'L1', { content: { s3Bucket: 'b', s3Key: 'k' } });
    expect(stagedAssetOf(cfn, cfn)).toBeUndefined();
    expect(changedInternalsOf(app)).toEqual([]);
  });
});

describe('simulated change', () => {
  test('a renamed hash type: the synthesis reports UnsupportedCdkRelease on the layer (StaleAssetHash is off)', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    (stagingOf(producer.layer) as unknown as Record<string, unknown>).hashType = 'SOURCE_V2';
    addAspect(app);
    const errors = unsupportedReleaseErrors(app);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('it reads AssetStaging hashType and fingerprintOptions (private) and found');
    expect(errors[0]).toContain('`StaleAssetHash`');
    expect(changedInternalsOf(app)).toEqual([expect.objectContaining({ internal: ASSET_STAGING })]);
  });
});
