import { indexSsmLookups } from '../../src/detect/ssm-context-lookup';

const KEY = 'ssm:account=111111111111:parameterName=/platform/layers/tools/arn:region=eu-west-1';

describe('indexSsmLookups', () => {
  test('indexes string values by value, leaving everything else out', () => {
    const index = indexSsmLookups({
      [KEY]: 'arn:aws:lambda:eu-west-1:111111111111:layer:tools:7',
      'ssm:account=222222222222:parameterName=/platform/layers/tools/arn:region=eu-west-1': 'arn:aws:lambda:eu-west-1:222222222222:layer:tools:3',
      'ssm:account=111111111111:parameterName=/list:region=eu-west-1': ['a', 'b'],
      'some-flag': true,
    });
    expect([...index.keys()].sort()).toEqual([
      'arn:aws:lambda:eu-west-1:111111111111:layer:tools:7', 'arn:aws:lambda:eu-west-1:222222222222:layer:tools:3',
    ]);
    expect(index.get('arn:aws:lambda:eu-west-1:111111111111:layer:tools:7')![0].contextKey).toBe(KEY);
  });
});
