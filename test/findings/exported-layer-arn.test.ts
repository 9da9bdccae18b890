import { Stack } from 'aws-cdk-lib';
import { RuleCompliance } from '../../src/nag/rules/layer-sync-rule';
import { ConsumerStack, consumerFunction, newApp, ProducerStack } from '../helpers/apps';
import { checkRule } from '../helpers/nag';
import { ruleOf } from '../../src/nag/rules/all-rules';
import { EXPORTED_LAYER_ARN } from '../../src/findings/exported-layer-arn';

/** The pack's rule of this finding, made from its check. */
const ExportedLayerArn = ruleOf(EXPORTED_LAYER_ARN);

describe('LayerSync-ExportedLayerArn', () => {
  test('non-compliant for a layer passed by strong cross-stack reference', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const fn = consumerFunction(new Stack(app, 'Consumer'), 'Fn', [producer.layer]);
    expect(checkRule(ExportedLayerArn, app, fn)).toBe(RuleCompliance.NON_COMPLIANT);
  });

  test('compliant for a layer imported through SSM', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    expect(checkRule(ExportedLayerArn, app, new ConsumerStack(app, 'Consumer').fn)).toBe(RuleCompliance.COMPLIANT);
  });

  test('not applicable to a layer version', () => {
    const app = newApp();
    expect(checkRule(ExportedLayerArn, app, new ProducerStack(app, 'Producer').layer)).toBe(RuleCompliance.NOT_APPLICABLE);
  });
});
