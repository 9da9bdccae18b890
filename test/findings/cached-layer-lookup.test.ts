import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { RuleCompliance } from '../../src/nag/rules/layer-sync-rule';
import { consumerFunction, newApp, ProducerStack } from '../helpers/apps';
import { checkRule } from '../helpers/nag';
import { ruleOf } from '../../src/nag/rules/all-rules';
import { CACHED_LAYER_LOOKUP } from '../../src/findings/cached-layer-lookup';

/** The pack's rule of this finding, made from its check. */
const CachedLayerLookup = ruleOf(CACHED_LAYER_LOOKUP);

const ENV = { account: '111111111111', region: 'eu-west-1' };

describe('LayerSync-CachedLayerLookup', () => {
  function lookupConsumer(context: Record<string, string>) {
    const app = newApp({ context });
    const stack = new Stack(app, 'Consumer', { env: ENV });
    const arn = ssm.StringParameter.valueFromLookup(stack, '/platform/tools/arn');
    return { app, fn: consumerFunction(stack, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(stack, 'L', arn)]) };
  }

  test('non-compliant, by parameter, for a cached lookup', () => {
    const { app, fn } = lookupConsumer({ 'ssm:account=111111111111:parameterName=/platform/tools/arn:region=eu-west-1': 'arn:aws:lambda:eu-west-1:111111111111:layer:tools:4' });
    expect(checkRule(CachedLayerLookup, app, fn)).toEqual(['Parameter::/platform/tools/arn']);
  });

  test('compliant before the lookup ran', () => {
    const { app, fn } = lookupConsumer({});
    expect(checkRule(CachedLayerLookup, app, fn)).toBe(RuleCompliance.COMPLIANT);
  });

  test('not applicable to a layer version', () => {
    const app = newApp();
    expect(checkRule(CachedLayerLookup, app, new ProducerStack(app, 'Producer').layer)).toBe(RuleCompliance.NOT_APPLICABLE);
  });
});
