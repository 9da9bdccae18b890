import { UNHASHED_CONSUMER } from '../../../src/findings/unhashed-consumer';
import { parameterFinding } from '../../../src/annotate/nag-suppressions';
import { outcomeOf, RuleCompliance, ruleName } from '../../../src/nag/rules/layer-sync-rule';

describe('layer-sync-rule', () => {
  test('ruleName drops the cdk-layer-sync: prefix', () => {
    expect(ruleName(UNHASHED_CONSUMER)).toBe('UnhashedConsumer');
  });

  test('outcomeOf: no finding is compliant', () => {
    expect(outcomeOf([]).result).toBe(RuleCompliance.COMPLIANT);
  });

  test('outcomeOf: findings that all name a parameter become one granular finding per parameter', () => {
    const outcome = outcomeOf([
      { definition: UNHASHED_CONSUMER, message: 'one', parameterName: '/a' },
      { definition: UNHASHED_CONSUMER, message: 'two', parameterName: '/b' },
      { definition: UNHASHED_CONSUMER, message: 'one', parameterName: '/a' },
    ]);
    expect(outcome.result).toEqual([parameterFinding('/a'), parameterFinding('/b')]);
    expect(outcome.info).toBe('one two');
  });

  test('outcomeOf: a finding without a parameter makes the whole outcome non-compliant', () => {
    const outcome = outcomeOf([
      { definition: UNHASHED_CONSUMER, message: 'one', parameterName: '/a' },
      { definition: UNHASHED_CONSUMER, message: 'two' },
    ]);
    expect(outcome.result).toBe(RuleCompliance.NON_COMPLIANT);
  });
});
