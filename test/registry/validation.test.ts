import { validateAccount, validateFingerprint, validateParameterName, validateRegion } from '../../src/registry/validation';

describe('validateParameterName: SSM\'s documented naming rules', () => {
  test.each([
    'CommonModulesLayerVersionArn',
    '/platform/layers/a-b_c.d',
    `/${Array(15).fill('l').join('/')}`,
    // AWS's public parameters, which consumers read (Powertools publishes its layer ARNs there).
    '/aws/service/powertools/python/x86_64/python3.12/latest',
    'x'.repeat(1011),
  ])('accepts %s', name => {
    expect(() => validateParameterName(name, 'p')).not.toThrow();
  });

  test.each([
    ['', 'it has 0 characters'],
    ['x'.repeat(1012), 'it has 1012 characters'],
    ['has space', 'a character SSM does not allow'],
    ['a:b', 'a character SSM does not allow'],
    ['/café/layer', 'a character SSM does not allow'],
    ['platform/layers', "a name with a hierarchy must start with '/'"],
    ['/platform//layers', 'an empty level'],
    ['/platform/layers/', 'an empty level'],
    [`/${Array(16).fill('l').join('/')}`, 'it has 16 levels'],
    ['/aws/my/layer', "SSM reserves names starting with 'aws'"],
    ['awsLayer', "SSM reserves names starting with 'aws'"],
    ['/SSM/layer', "SSM reserves names starting with 'ssm'"],
    [42, 'it is not a string'],
  ])('rejects %j, naming the input, the rules and the problem', (name, problem) => {
    expect(() => validateParameterName(name, 'parameterName')).toThrow(/^parameterName: expected an SSM parameter name \(letters, digits/);
    expect(() => validateParameterName(name, 'parameterName')).toThrow(problem);
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

describe('validateAccount and validateRegion', () => {
  test.each([undefined, '123456789012'])('account %j is accepted', account => {
    expect(() => validateAccount(account, 'account')).not.toThrow();
  });
  test.each(['12', '12345678901a', '1234567890123', '', 123456789012])('account %j is refused, naming the input', account => {
    expect(() => validateAccount(account, 'account of /x')).toThrow(/^account of \/x: expected a 12-digit AWS account id, got /);
  });
  test.each([undefined, 'eu-west-1', 'us-gov-west-1', 'cn-north-1', 'us-isob-east-1', 'ap-southeast-5', 'mx-central-1'])('region %j is accepted', region => {
    expect(() => validateRegion(region, 'region')).not.toThrow();
  });
  test.each(['eu-west', 'EU-WEST-1', 'euwest1', 'eu_west_1', '', 'eu-west-1 '])('region %j is refused, naming the input', region => {
    expect(() => validateRegion(region, 'region of /x')).toThrow(/^region of \/x: expected an AWS region name such as eu-west-1, got /);
  });
});
