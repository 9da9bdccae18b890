import { describeAwsError, loadSdk } from '../../src/audit/aws-sdk';

describe('describeAwsError', () => {
  test('access denied names the call, what it read, and the IAM action it needs', () => {
    const error = Object.assign(new Error('User: arn:aws:iam::1:user/ci is not authorized'), { name: 'AccessDeniedException' });
    expect(describeAwsError(error, 'ListAliasesCommand', 'orders').message).toBe(
      'AccessDeniedException on ListAliases (orders): the credentials need lambda:ListAliases; docs/audit.md gives the whole '
      + 'read-only policy (User: arn:aws:iam::1:user/ci is not authorized)');
  });

  test('missing credentials say which sources the standard chain reads', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(describeAwsError(error, 'ListFunctionsCommand', 'region us-east-1').message).toMatch(/^no AWS credentials: audit uses the standard chain \(AWS_PROFILE/);
  });

  test('anything else as the SDK said it, after its retries', () => {
    const error = Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
    expect(describeAwsError(error, 'ListFunctionsCommand', 'region us-east-1').message)
      .toBe('ListFunctions (region us-east-1) failed: TooManyRequestsException: Rate exceeded');
  });
});

test('loadSdk finds the SDK installed beside the project', () => {
  expect(typeof loadSdk().lambda.ListFunctionsCommand).toBe('function');
});
