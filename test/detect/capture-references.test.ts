import { Aws, Fn, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { containsReference, referenceOf, resolveWithReferences } from '../../src/detect/capture-references';
import { layerSource, newApp } from '../helpers/apps';

describe('resolveWithReferences', () => {
  const app = newApp();
  const producer = new Stack(app, 'P');
  const consumer = new Stack(app, 'C');
  const layer = new lambda.LayerVersion(producer, 'Layer', { code: lambda.Code.fromAsset(layerSource()) });

  test('a reference to another stack\'s resource stays a placeholder that names its target', () => {
    const resolved = resolveWithReferences(consumer, [layer.layerVersionArn]);
    const entry = (resolved.value as unknown[])[0];
    expect(referenceOf(resolved, entry)?.reference.target).toBe(layer.node.defaultChild);
  });

  test('pseudo parameters resolve as CDK resolves them', () => {
    const resolved = resolveWithReferences(consumer, `arn:${Aws.PARTITION}:x`);
    expect(resolved.value).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':x']] });
    expect(resolved.references).toHaveLength(0);
  });

  test('a reference mixed into other text is detectable', () => {
    const resolved = resolveWithReferences(consumer, Fn.join(':', [layer.layerVersionArn, '1']));
    expect(containsReference(resolved.value)).toBe(true);
    expect(referenceOf(resolved, resolved.value)).toBeUndefined();
  });

  test('plain values pass through', () => {
    const resolved = resolveWithReferences(consumer, ['arn:aws:lambda:eu-west-1:1:layer:x:1']);
    expect(resolved.value).toEqual(['arn:aws:lambda:eu-west-1:1:layer:x:1']);
    expect(containsReference(resolved.value)).toBe(false);
  });
});
