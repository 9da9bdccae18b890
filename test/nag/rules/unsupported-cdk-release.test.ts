import { ContextProvider, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { RuleCompliance } from '../../../src/nag/rules/layer-sync-rule';
import { UnsupportedCdkRelease } from '../../../src/nag/rules/unsupported-cdk-release';
import { consumerFunction, newApp, ProducerStack } from '../../helpers/apps';
import { checkRule } from '../../helpers/nag';
import { withProperty } from '../../cdk-internals/changed-internals';

const ENV = { account: '111111111111', region: 'eu-west-1' };
const PARAMETER = '/platform/tools/arn';

/** An app that runs only the pack, with a consumer reading its layer through a cached valueFromLookup. */
function lookupApp() {
  const app = newApp({ context: { [`ssm:account=111111111111:parameterName=${PARAMETER}:region=eu-west-1`]: 'arn:aws:lambda:eu-west-1:111111111111:layer:tools:4' } });
  const stack = new Stack(app, 'Consumer', { env: ENV });
  const fn = consumerFunction(stack, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(stack, 'L', ssm.StringParameter.valueFromLookup(stack, PARAMETER))]);
  return { app, stack, fn };
}

describe('LayerSync-UnsupportedCdkRelease', () => {
  test('an app with only the pack is told when a CDK internal its analysis reads changed (here the SSM context key)', () => {
    const { app, stack } = lookupApp();
    const otherFormat = { value: () => ({ key: `ssm/v2/${PARAMETER}@111111111111/eu-west-1`, props: {} }) };
    // The change is recorded on the stack the key was checked for; the pack flags that stack's first resource.
    const first = stack.node.findAll().find(c => (c as any).cfnResourceType !== undefined)!;
    const result = withProperty(ContextProvider, 'getKey', otherFormat, () => checkRule(UnsupportedCdkRelease, app, first));
    expect(result).toBe(RuleCompliance.NON_COMPLIANT);
  });

  test('not applicable anywhere on a release whose internals are as expected', () => {
    const { app, fn } = lookupApp();
    expect(checkRule(UnsupportedCdkRelease, app, fn)).toBe(RuleCompliance.NOT_APPLICABLE);
    const other = newApp();
    expect(checkRule(UnsupportedCdkRelease, other, new ProducerStack(other, 'Producer').layer)).toBe(RuleCompliance.NOT_APPLICABLE);
  });
});
