import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { RuleCompliance } from '../../src/nag/rules/layer-sync-rule';
import { ConsumerStack, consumerFunction, newApp, ProducerStack } from '../helpers/apps';
import { checkRule } from '../helpers/nag';
import { ruleOf } from '../../src/nag/rules/all-rules';
import { LAYER_VERSION_NOT_RETAINED } from '../../src/findings/layer-version-not-retained';

/** The pack's rule of this finding, made from its check. */
const LayerVersionNotRetained = ruleOf(LAYER_VERSION_NOT_RETAINED);

describe('LayerSync-LayerVersionNotRetained', () => {
  test('non-compliant for a layer shared with another stack and destroyed on update', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer', { removalPolicy: RemovalPolicy.DESTROY });
    new ConsumerStack(app, 'Consumer');
    expect(checkRule(LayerVersionNotRetained, app, producer.layer)).toBe(RuleCompliance.NON_COMPLIANT);
  });

  test('compliant when retained, or when no other stack uses it', () => {
    const retained = newApp();
    const kept = new ProducerStack(retained, 'Producer', { removalPolicy: RemovalPolicy.RETAIN });
    new ConsumerStack(retained, 'Consumer');
    expect(checkRule(LayerVersionNotRetained, retained, kept.layer)).toBe(RuleCompliance.COMPLIANT);

    const alone = newApp();
    const unused = new ProducerStack(alone, 'Producer', { removalPolicy: RemovalPolicy.DESTROY });
    expect(checkRule(LayerVersionNotRetained, alone, unused.layer)).toBe(RuleCompliance.COMPLIANT);
  });

  test('not applicable to a function', () => {
    const app = newApp();
    expect(checkRule(LayerVersionNotRetained, app, new ConsumerStack(app, 'Consumer').fn)).toBe(RuleCompliance.NOT_APPLICABLE);
  });
});

describe('LayerSync-LayerVersionNotRetained and strong references', () => {
  test('non-compliant for a layer another stack is passed directly (Export/ImportValue) and destroyed on update', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer', { removalPolicy: RemovalPolicy.DESTROY });
    consumerFunction(new Stack(app, 'Direct'), 'Fn', [producer.layer]);
    expect(checkRule(LayerVersionNotRetained, app, producer.layer)).toBe(RuleCompliance.NON_COMPLIANT);
  });
});
