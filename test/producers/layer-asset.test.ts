import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { layerAssetSource } from '../../src/producers/layer-asset';
import { layerSource, newApp } from '../helpers/apps';

describe('layerAssetSource', () => {
  test('finds the source directory and asset hash of Code.fromAsset(dir)', () => {
    const source = layerSource();
    const stack = new Stack(newApp(), 'S');
    const layer = new lambda.LayerVersion(stack, 'Layer', { code: lambda.Code.fromAsset(source) });
    const found = layerAssetSource(layer.node.defaultChild as lambda.CfnLayerVersion)!;
    expect(found.sourcePath).toBe(path.resolve(source));
    expect(found.assetHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('is undefined when the user excluded files from the asset, or the asset hash is custom', () => {
    const stack = new Stack(newApp(), 'S');
    const excluded = new lambda.LayerVersion(stack, 'Excluded', { code: lambda.Code.fromAsset(layerSource(), { exclude: ['*.md'] }) });
    const custom = new lambda.LayerVersion(stack, 'Custom', { code: lambda.Code.fromAsset(layerSource(), { assetHash: 'release-42' }) });
    expect(layerAssetSource(excluded.node.defaultChild as lambda.CfnLayerVersion)).toBeUndefined();
    expect(layerAssetSource(custom.node.defaultChild as lambda.CfnLayerVersion)).toBeUndefined();
  });
});
