import { containsDynamicReference, parseSsmDynamicReference } from '../../src/detect/ssm-dynamic-reference';

describe('parseSsmDynamicReference', () => {
  test.each([
    ['{{resolve:ssm:CommonModulesLayerVersionArn}}', { parameterName: 'CommonModulesLayerVersionArn', version: undefined }],
    ['{{resolve:ssm:/platform/layers/a-b_c.d}}', { parameterName: '/platform/layers/a-b_c.d', version: undefined }],
    ['{{resolve:ssm:/p/name:12}}', { parameterName: '/p/name', version: '12' }],
  ])('%s', (text, expected) => {
    expect(parseSsmDynamicReference(text)).toEqual(expected);
  });

  test.each([
    'arn:aws:lambda:eu-west-1:123456789012:layer:x:1',
    '{{resolve:ssm-secure:name}}',
    '{{resolve:secretsmanager:name}}',
    'prefix {{resolve:ssm:name}}',
    '{{resolve:ssm:name:latest}}',
  ])('not an SSM reference: %s', text => {
    expect(parseSsmDynamicReference(text)).toBeUndefined();
  });
});

test('containsDynamicReference', () => {
  expect(containsDynamicReference('{{resolve:ssm-secure:x}}')).toBe(true);
  expect(containsDynamicReference('arn:aws:lambda:::layer:x:1')).toBe(false);
});
