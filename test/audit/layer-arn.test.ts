import { parseLayerVersionArn } from '../../src/audit/layer-arn';

describe('parseLayerVersionArn', () => {
  test('splits a layer version ARN into layer, account, region, name and version', () => {
    expect(parseLayerVersionArn('arn:aws:lambda:eu-west-1:123456789012:layer:tools-layer_2:17')).toEqual({
      layerArn: 'arn:aws:lambda:eu-west-1:123456789012:layer:tools-layer_2', account: '123456789012', region: 'eu-west-1',
      name: 'tools-layer_2', version: 17,
    });
  });

  test('reads other partitions', () => {
    expect(parseLayerVersionArn('arn:aws-cn:lambda:cn-north-1:123456789012:layer:x:1')?.layerArn).toBe('arn:aws-cn:lambda:cn-north-1:123456789012:layer:x');
  });

  test.each([
    ['a layer ARN without version', 'arn:aws:lambda:us-east-1:123456789012:layer:tools'],
    ['a function ARN', 'arn:aws:lambda:us-east-1:123456789012:function:tools:1'],
    ['an SSM parameter name', '/platform/layers/tools'],
    ['an account that is not 12 digits', 'arn:aws:lambda:us-east-1:1234:layer:tools:1'],
  ])('%s is not a layer version ARN', (_, text) => {
    expect(parseLayerVersionArn(text)).toBeUndefined();
  });
});
