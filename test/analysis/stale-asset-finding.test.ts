import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { recordLayerAsset, staleAssetFinding } from '../../src/analysis/stale-asset-finding';
import { LayerFingerprint } from '../../src';
import { LayerAssetRecord } from '../../src/report/report-shape';
import { layerSource, newApp } from '../helpers/apps';

const record = (overrides: Partial<LayerAssetRecord> = {}): LayerAssetRecord => ({
  layer: 'Common/Layer', sourcePath: '/src/layer', assetHash: 'a'.repeat(64), fingerprint: 'f'.repeat(64), ...overrides,
});

describe('staleAssetFinding', () => {
  test('reports the same asset hash with a changed source fingerprint, naming both', () => {
    const previous = { records: new Map([['Common/Layer', record()]]) };
    const finding = staleAssetFinding(record({ fingerprint: 'e'.repeat(64) }), previous);
    expect(finding?.definition.id).toBe('cdk-layer-sync:StaleAssetHash');
    expect(finding?.message).toContain('layer version Common/Layer keeps CDK\'s asset hash aaaaaaaaaaaa');
    expect(finding?.message).toContain('its fingerprint was ffffffffffff, it is eeeeeeeeeeee');
  });

  test.each([
    ['nothing changed', record(), new Map([['Common/Layer', record()]])],
    ['CDK saw the change (a new asset hash)', record({ assetHash: 'b'.repeat(64), fingerprint: 'e'.repeat(64) }), new Map([['Common/Layer', record()]])],
    ['a first synthesis (no earlier record)', record(), new Map<string, LayerAssetRecord>()],
  ])('reports nothing when %s', (_case, current, records) => {
    expect(staleAssetFinding(current, { records })).toBeUndefined();
  });

  test('a previous report that cannot be read is a finding: the check could not run, and the message says how to go on', () => {
    const finding = staleAssetFinding(record(), { records: new Map(), unreadable: '/out/layer-dependencies.json cannot be read: Unexpected end of JSON input' });
    expect(finding?.definition.id).toBe('cdk-layer-sync:StaleAssetHash');
    expect(finding?.message).toContain('cannot tell whether CDK kept a stale asset hash for layer version Common/Layer');
    expect(finding?.message).toContain('/out/layer-dependencies.json cannot be read: Unexpected end of JSON input');
    expect(finding?.message).toContain('Fix: synthesize again');
  });
});

describe('recordLayerAsset', () => {
  test('records a Code.fromAsset directory with CDK\'s asset hash and this library\'s fingerprint', () => {
    const source = layerSource();
    const stack = new Stack(newApp(), 'S');
    const layer = new lambda.LayerVersion(stack, 'Layer', { code: lambda.Code.fromAsset(source) });
    const recorded = recordLayerAsset(layer.node.defaultChild as lambda.CfnLayerVersion)!;
    expect(recorded.layer).toBe('S/Layer');
    expect(recorded.sourcePath).toBe(path.resolve(source));
    expect(recorded.fingerprint).toBe(LayerFingerprint.ofDirectory(source, { cache: false }));
    expect(JSON.stringify(stack.resolve((layer.node.defaultChild as lambda.CfnLayerVersion).content))).toContain(recorded.assetHash);
  });

  test('records nothing where CDK and this library would not see the same files, or there is no directory', () => {
    const stack = new Stack(newApp(), 'S');
    const excluded = new lambda.LayerVersion(stack, 'Excluded', { code: lambda.Code.fromAsset(layerSource(), { exclude: ['*.md'] }) });
    const bucket = new lambda.LayerVersion(stack, 'FromBucket', {
      code: lambda.Code.fromBucket(s3.Bucket.fromBucketName(stack, 'Bucket', 'shared-layers'), 'layer.zip'),
    });
    expect(recordLayerAsset(excluded.node.defaultChild as lambda.CfnLayerVersion)).toBeUndefined();
    expect(recordLayerAsset(bucket.node.defaultChild as lambda.CfnLayerVersion)).toBeUndefined();
  });
});
