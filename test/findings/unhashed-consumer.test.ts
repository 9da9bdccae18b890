import { RuleCompliance } from '../../src/nag/rules/layer-sync-rule';
import { ConsumerStack, newApp, PARAMETER, ProducerStack } from '../helpers/apps';
import { checkRule } from '../helpers/nag';
import { ruleOf } from '../../src/nag/rules/all-rules';
import { UNHASHED_CONSUMER } from '../../src/findings/unhashed-consumer';

/** The pack's rule of this finding, made from its check. */
const UnhashedConsumer = ruleOf(UNHASHED_CONSUMER);

describe('LayerSync-UnhashedConsumer', () => {
  test('non-compliant, by parameter, for a consumer of a layer no stack produces', () => {
    const app = newApp();
    const consumer = new ConsumerStack(app, 'Orphan', { parameterName: '/other/arn' });
    expect(checkRule(UnhashedConsumer, app, consumer.fn)).toEqual(['Parameter::/other/arn']);
  });

  test('compliant when the app produces the layer', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const consumer = new ConsumerStack(app, 'Consumer', { parameterName: PARAMETER });
    expect(checkRule(UnhashedConsumer, app, consumer.fn)).toBe(RuleCompliance.COMPLIANT);
  });

  test('not applicable to anything but a function', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    expect(checkRule(UnhashedConsumer, app, producer.layer)).toBe(RuleCompliance.NOT_APPLICABLE);
  });
});
