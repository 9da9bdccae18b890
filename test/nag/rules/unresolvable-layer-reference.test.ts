import { Fn, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RuleCompliance } from '../../../src/nag/rules/layer-sync-rule';
import { UnresolvableLayerReference } from '../../../src/nag/rules/unresolvable-layer-reference';
import { ConsumerStack, consumerFunction, newApp, ProducerStack } from '../../helpers/apps';
import { checkRule } from '../../helpers/nag';

describe('LayerSync-UnresolvableLayerReference', () => {
  test('non-compliant for an ARN built around an import', () => {
    const app = newApp();
    const stack = new Stack(app, 'Consumer');
    const arn = Fn.join(':', ['arn:aws:lambda:eu-west-1:111111111111:layer', Fn.importValue('LayerName'), '3']);
    const fn = consumerFunction(stack, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(stack, 'L', arn)]);
    expect(checkRule(UnresolvableLayerReference, app, fn)).toBe(RuleCompliance.NON_COMPLIANT);
  });

  test('compliant for a plain SSM import', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    expect(checkRule(UnresolvableLayerReference, app, new ConsumerStack(app, 'Consumer').fn)).toBe(RuleCompliance.COMPLIANT);
  });

  test('not applicable to a layer version', () => {
    const app = newApp();
    expect(checkRule(UnresolvableLayerReference, app, new ProducerStack(app, 'Producer').layer)).toBe(RuleCompliance.NOT_APPLICABLE);
  });
});
