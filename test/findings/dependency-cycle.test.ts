import { RuleCompliance } from '../../src/nag/rules/layer-sync-rule';
import { ConsumerStack, newApp, PARAMETER, ProducerStack } from '../helpers/apps';
import { checkRule } from '../helpers/nag';
import { ruleOf } from '../../src/nag/rules/all-rules';
import { DEPENDENCY_CYCLE } from '../../src/findings/dependency-cycle';

/** The pack's rule of this finding, made from its check. */
const DependencyCycle = ruleOf(DEPENDENCY_CYCLE);

describe('LayerSync-DependencyCycle', () => {
  test('non-compliant, by parameter, when the producer stack already depends on the consumer stack', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const consumer = new ConsumerStack(app, 'Consumer');
    producer.addDependency(consumer);
    expect(checkRule(DependencyCycle, app, consumer.fn)).toEqual([`Parameter::${PARAMETER}`]);
  });

  test('compliant otherwise, and the read-only check adds no dependency', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const consumer = new ConsumerStack(app, 'Consumer');
    expect(checkRule(DependencyCycle, app, consumer.fn)).toBe(RuleCompliance.COMPLIANT);
    expect(consumer.dependencies).toEqual([]);
  });

  test('not applicable to a layer version', () => {
    const app = newApp();
    expect(checkRule(DependencyCycle, app, new ProducerStack(app, 'Producer').layer)).toBe(RuleCompliance.NOT_APPLICABLE);
  });
});
