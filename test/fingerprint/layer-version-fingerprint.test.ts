import { Fn, Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { fingerprintLayerVersion } from '../../src/fingerprint/layer-version-fingerprint';
import { expectedShortFingerprint, layerSource, newApp } from '../helpers/apps';

function layerWith(props: Partial<lambda.LayerVersionProps> = {}, source = layerSource()) {
  const stack = new Stack(newApp(), 'S');
  const layer = new lambda.LayerVersion(stack, 'Layer', { code: lambda.Code.fromAsset(source), ...props });
  return { stack, cfn: layer.node.defaultChild as lambda.CfnLayerVersion };
}

describe('fingerprintLayerVersion', () => {
  test('is the SHA-256 of the synthesized properties', () => {
    const { stack, cfn } = layerWith({ compatibleRuntimes: [lambda.Runtime.PYTHON_3_13] });
    const fingerprint = fingerprintLayerVersion(cfn);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint.slice(0, 12)).toBe(expectedShortFingerprint(Template.fromStack(stack)));
  });

  test('is the same for the same content in another directory', () => {
    const content = 'SAME = True\n';
    expect(fingerprintLayerVersion(layerWith({}, layerSource(content)).cfn))
      .toBe(fingerprintLayerVersion(layerWith({}, layerSource(content)).cfn));
  });

  test.each([
    ['content', () => layerWith({}, layerSource('OTHER = 1\n'))],
    ['runtimes', () => layerWith({ compatibleRuntimes: [lambda.Runtime.PYTHON_3_12] })],
    ['architectures', () => layerWith({ compatibleArchitectures: [lambda.Architecture.ARM_64] })],
    ['licence', () => layerWith({ license: 'MIT' })],
    ['description', () => layerWith({ description: 'tools' })],
    ['a property override', () => {
      const built = layerWith();
      built.cfn.addPropertyOverride('LayerName', 'renamed');
      return built;
    }],
  ])('changes with %s', (_what, variant) => {
    const base = fingerprintLayerVersion(layerWith({}, fixed).cfn);
    expect(fingerprintLayerVersion(variant().cfn)).not.toBe(base);
  });
  const fixed = layerSource();

  test('throws on a token that cannot be resolved', () => {
    const { cfn } = layerWith();
    cfn.description = Lazy.string({ produce: () => { throw new Error('no description yet'); } });
    expect(() => fingerprintLayerVersion(cfn)).toThrow(/no description yet/);
  });

  test('resolvable intrinsics are fine', () => {
    const { cfn } = layerWith({ description: Fn.sub('layer in ${AWS::Region}') });
    expect(fingerprintLayerVersion(cfn)).toMatch(/^[0-9a-f]{64}$/);
  });
});
