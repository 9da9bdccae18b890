import * as http from 'http';
import { AddressInfo } from 'net';
import { countCalls, describeAwsError, loadSdk, maxAttemptsOf } from '../../src/audit/aws-sdk';

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

describe('what audit makes of the SDK\'s answers', () => {
  test('an error no service named (a 404 with an empty body) gives the HTTP status and what to check', () => {
    const error = Object.assign(new Error('UnknownError'), { name: 'Unknown', $metadata: { httpStatusCode: 404 } });
    expect(describeAwsError(error, 'ListFunctionsCommand', 'region us-east-1').message).toBe('ListFunctions (region us-east-1) failed '
      + 'with HTTP 404 and no error the service named; check the endpoint (AWS_ENDPOINT_URL, a proxy) and the region: '
      + 'the answer did not come from the Lambda or SSM API');
  });

  test('the SDK\'s advice to inspect its hidden fields is left out; the call, the target and the status stay', () => {
    const error = Object.assign(new Error('Unterminated string in JSON at position 120\n  Deserialization error: to see the raw response, '
      + 'inspect the hidden field {error}.$response on this object.'), { name: 'SyntaxError', $metadata: { httpStatusCode: 200 } });
    const message = describeAwsError(error, 'ListAliasesCommand', 'orders').message;
    expect(message).toBe('ListAliases (orders) failed with HTTP 200: SyntaxError: Unterminated string in JSON at position 120');
  });

  test('a function deleted while audit reads it keeps its AWS error name, for audit to note it and go on', () => {
    const error = Object.assign(new Error('Function not found: orders'), { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
    const described = describeAwsError(error, 'ListAliasesCommand', 'orders');
    expect([described.awsName, described.httpStatus]).toEqual(['ResourceNotFoundException', 404]);
  });

  test('no region: how to give one', () => {
    expect(describeAwsError(new Error('Region is missing'), 'ListFunctionsCommand', 'region ?').message)
      .toMatch(/^no AWS region: give one with --region, with AWS_REGION \(or AWS_DEFAULT_REGION\), or with a profile/);
  });

  test.each([[undefined, 8], ['', 8], ['3', 3], ['1', 1]])('AWS_MAX_ATTEMPTS=%s gives %i attempts', (value, attempts) => {
    expect(maxAttemptsOf(value, 8)).toBe(attempts);
  });

  test.each(['abc', '0', '2.5', '-1'])('AWS_MAX_ATTEMPTS=%s is an error, not retries switched off in silence', value => {
    expect(() => maxAttemptsOf(value, 8)).toThrow(`AWS_MAX_ATTEMPTS must be a whole number of attempts, 1 or more (the first try included), got '${value}'`);
  });

  test('commands and HTTP requests are both counted: a throttled call is one command and several requests', async () => {
    // A Lambda endpoint of our own on loopback that throttles twice, then answers.
    let served = 0;
    const server = http.createServer((_request, response) => {
      served += 1;
      if (served <= 2) {
        response.writeHead(429, { 'content-type': 'application/json', 'x-amzn-errortype': 'TooManyRequestsException' });
        response.end(JSON.stringify({ message: 'Rate exceeded' }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ Functions: [] }));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    try {
      const sdk = loadSdk();
      const client = new sdk.lambda.LambdaClient({
        region: 'us-east-1', endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, maxAttempts: 5,
        credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
      });
      const commands: Record<string, number> = {};
      const requests: Record<string, number> = {};
      countCalls(client, commands, requests);
      await client.send(new sdk.lambda.ListFunctionsCommand({}));
      expect({ commands, requests, served }).toEqual({ commands: { ListFunctionsCommand: 1 }, requests: { ListFunctionsCommand: 3 }, served: 3 });
    } finally {
      server.close();
    }
  });
});
