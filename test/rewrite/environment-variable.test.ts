import { DEFAULT_ENVIRONMENT_VARIABLE_NAME, environmentValue, validateEnvironmentVariableName } from '../../src/rewrite/environment-variable';

describe('validateEnvironmentVariableName', () => {
  test.each(['LAYER_FINGERPRINTS', 'ab', 'x9', 'Layer_1'])('accepts %s', name => {
    expect(() => validateEnvironmentVariableName(name)).not.toThrow();
  });
  test.each(['', 'A', '_X', '9A', 'A-B', 'A B', 'ÄB'])('rejects %j', name => {
    expect(() => validateEnvironmentVariableName(name)).toThrow(/environmentVariableName/);
  });
  test.each(['_HANDLER', '_X_AMZN_TRACE_ID', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR'])('rejects %s, which Lambda reserves', name => {
    expect(() => validateEnvironmentVariableName(name)).toThrow(`'${name}' is reserved by Lambda`);
  });

  test('rejects the AWS_ prefix Lambda reserves', () => {
    expect(() => validateEnvironmentVariableName('AWS_ANYTHING')).toThrow(/reserves/);
  });
  test('the default is valid', () => {
    expect(() => validateEnvironmentVariableName(DEFAULT_ENVIRONMENT_VARIABLE_NAME)).not.toThrow();
  });
});

test('environmentValue joins fingerprints in layer order', () => {
  expect(environmentValue(['b', 'a'])).toBe('b,a');
});
