import { ContextProvider, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { changedInternalsOf } from '../../src/cdk-internals/cdk-internal';
import { checkSsmContextKeyFormat, parseSsmContextKey, SSM_CONTEXT_KEY } from '../../src/cdk-internals/ssm-context-key';
import { addAspect, consumerFunction, newApp } from '../helpers/apps';
import { unsupportedReleaseErrors, withProperty } from './changed-internals';

const ENV = { account: '111111111111', region: 'eu-west-1' };
const PARAMETER = '/platform/layers/tools/arn';

describe('parseSsmContextKey', () => {
  test('reads the parameter, account and region of a valueFromLookup key', () => {
    expect(parseSsmContextKey(`ssm:account=111111111111:parameterName=${PARAMETER}:region=eu-west-1`)).toEqual({
      parameterName: PARAMETER, account: '111111111111', region: 'eu-west-1',
    });
  });

  test('ignores other providers and keys without a parameter name', () => {
    expect(parseSsmContextKey('availability-zones:account=111111111111:region=eu-west-1')).toBeUndefined();
    expect(parseSsmContextKey('ssm:account=111111111111:region=eu-west-1')).toBeUndefined();
    expect(parseSsmContextKey('@aws-cdk/core:newStyleStackSynthesis')).toBeUndefined();
  });
});

describe('canary: the context key of an SSM lookup on this release', () => {
  test('the key valueFromLookup asks the CLI for parses back to its parameter, account and region', () => {
    const app = newApp();
    const stack = new Stack(app, 'S', { env: ENV });
    ssm.StringParameter.valueFromLookup(stack, PARAMETER);
    const missing = app.synth().manifest.missing ?? [];
    expect(missing.map(m => parseSsmContextKey(m.key))).toEqual([{ parameterName: PARAMETER, ...ENV }]);
    expect(checkSsmContextKeyFormat([stack])).toBe(true);
    expect(changedInternalsOf(app)).toEqual([]);
  });
});

describe('simulated change: CDK builds the key in another format', () => {
  const otherFormat = { value: () => ({ key: `ssm/v2/${PARAMETER}@111111111111/eu-west-1`, props: {} }) };

  test('the check fails and records the change', () => {
    const app = newApp();
    const stack = new Stack(app, 'S', { env: ENV });
    withProperty(ContextProvider, 'getKey', otherFormat, () => expect(checkSsmContextKeyFormat([stack])).toBe(false));
    expect(changedInternalsOf(app)).toEqual([expect.objectContaining({ internal: SSM_CONTEXT_KEY, scope: stack })]);
  });

  test('an app with a cached lookup reports UnsupportedCdkRelease (CachedLayerLookup is off)', () => {
    const key = `ssm:account=111111111111:parameterName=${PARAMETER}:region=eu-west-1`;
    const app = newApp({ context: { [key]: 'arn:aws:lambda:eu-west-1:111111111111:layer:tools:7' } });
    const stack = new Stack(app, 'Consumer', { env: ENV });
    const arn = ssm.StringParameter.valueFromLookup(stack, PARAMETER);
    consumerFunction(stack, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(stack, 'Layer', arn)]);
    addAspect(app);
    const errors = withProperty(ContextProvider, 'getKey', {
      value: (scope: Stack, options: { provider: string }) => (options.provider === 'ssm' && scope === stack
        ? otherFormat.value() : { key: 'other', props: {} }),
    }, () => {
      // The consumer's own lookup ran above, with CDK's getKey; only the check sees the other format.
      return unsupportedReleaseErrors(app);
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('it reads the context key format of SSM lookups');
    expect(errors[0]).toContain('`CachedLayerLookup`');
  });
});
