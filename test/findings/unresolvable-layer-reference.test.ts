import { Fn, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RuleCompliance } from '../../src/nag/rules/layer-sync-rule';
import { ConsumerStack, consumerFunction, newApp, ProducerStack } from '../helpers/apps';
import { checkRule } from '../helpers/nag';
import { ruleOf } from '../../src/nag/rules/all-rules';
import { UNRESOLVABLE_LAYER_REFERENCE } from '../../src/findings/unresolvable-layer-reference';

/** The pack's rule of this finding, made from its check. */
const UnresolvableLayerReference = ruleOf(UNRESOLVABLE_LAYER_REFERENCE);

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
