import { validateFingerprint, validateParameterName } from '../../src/registry/validation';

describe('validateParameterName', () => {
  test.each(['CommonModulesLayerVersionArn', '/platform/layers/a-b_c.d'])('accepts %s', name => {
    expect(() => validateParameterName(name, 'p')).not.toThrow();
  });
  test.each(['', 'has space', 'a:b', 'x'.repeat(2049), 42])('rejects %j and names the input', name => {
    expect(() => validateParameterName(name, 'parameterName')).toThrow(/^parameterName: expected an SSM parameter name/);
  });
});

describe('validateFingerprint', () => {
  test('accepts printable text without spaces', () => {
    expect(() => validateFingerprint('sha256:abc-1.2', 'f')).not.toThrow();
  });
  test.each(['', 'a b', 'tab\t', 'x'.repeat(257), null])('rejects %j', value => {
    expect(() => validateFingerprint(value, 'fingerprint of x')).toThrow(/^fingerprint of x: expected a non-empty string/);
  });
});
