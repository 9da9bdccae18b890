import { CfnResource, Stack, Stage, Validations } from 'aws-cdk-lib';
import { isSuppressedInCdkNag, packRuleId, parameterFinding } from '../../src/annotate/nag-suppressions';
import { PIPELINE_ORDER } from '../../src/findings/pipeline-order';
import { UNHASHED_CONSUMER } from '../../src/findings/unhashed-consumer';
import { ConsumerStack, newApp } from '../helpers/apps';
import { describeWhen } from '../helpers/cdk-version';
import { NAG_MAJOR } from '../helpers/nag';

const OTHER = '/other-team/layers/tools/arn';

function consumer() {
  const app = newApp();
  const stack = new ConsumerStack(app, 'Services', { parameterName: OTHER });
  return { stack, fn: stack.fn };
}

test('the pack\'s rule id and granular finding of a finding, as cdk-nag shows them', () => {
  expect(packRuleId(UNHASHED_CONSUMER)).toBe('LayerSync-UnhashedConsumer');
  expect(parameterFinding(OTHER)).toBe(`Parameter::${OTHER}`);
});

test('nothing suppressed: false, on a function, its resource, its stack, a Stage and the App', () => {
  const { stack, fn } = consumer();
  const stage = new Stage(stack.node.root, 'Prod');
  expect([fn, fn.node.defaultChild!, stack, stage, stack.node.root].map(s => isSuppressedInCdkNag(s, UNHASHED_CONSUMER, OTHER)))
    .toEqual([false, false, false, false, false]);
});

test('a cdk-nag 2 applies_to pattern that is no valid regular expression is an error naming it, never a silent no', () => {
  const { fn } = consumer();
  // Written as cdk-nag 2 writes it (NagSuppressions itself refuses such a pattern, as cdk-nag's checks do).
  (fn.node.defaultChild as CfnResource).addMetadata('cdk_nag', {
    rules_to_suppress: [{ id: 'LayerSync-UnhashedConsumer', reason: 'owned by the tools team', applies_to: [{ regex: '/^Parameter::(/' }] }],
  });
  expect(() => isSuppressedInCdkNag(fn, UNHASHED_CONSUMER, OTHER))
    .toThrow(/a cdk-nag suppression's applies_to pattern \/\^Parameter::\(\/ is not a valid regular expression \(.+\); fix the pattern/);
});

describeWhen(NAG_MAJOR === 2)('cdk-nag 2: NagSuppressions', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NagSuppressions } = require('cdk-nag');
  const REASON = 'owned by the tools team, who pin it';

  test.each<[string, (s: { stack: Stack; fn: ConsumerStack['fn'] }) => void, boolean]>([
    ['on the function, for its parameter', s => NagSuppressions.addResourceSuppressions(s.fn, [{ id: 'LayerSync-UnhashedConsumer', reason: REASON, appliesTo: [`Parameter::${OTHER}`] }], true), true],
    ['on the function, by a regex over parameters', s => NagSuppressions.addResourceSuppressions(s.fn, [{ id: 'LayerSync-UnhashedConsumer', reason: REASON, appliesTo: [{ regex: '/^Parameter::\\/other-team\\/.*$/' }] }], true), true],
    ['on the stack, for the rule', s => NagSuppressions.addStackSuppressions(s.stack, [{ id: 'LayerSync-UnhashedConsumer', reason: REASON }]), true],
    ['on the function, for another parameter', s => NagSuppressions.addResourceSuppressions(s.fn, [{ id: 'LayerSync-UnhashedConsumer', reason: REASON, appliesTo: ['Parameter::/elsewhere'] }], true), false],
    ['on the function, for another rule', s => NagSuppressions.addResourceSuppressions(s.fn, [{ id: 'LayerSync-ExportedLayerArn', reason: REASON }], true), false],
  ])('%s', (_where, suppress, expected) => {
    const s = consumer();
    suppress(s);
    expect(isSuppressedInCdkNag(s.fn, UNHASHED_CONSUMER, OTHER)).toBe(expected);
  });

  test('a granular suppression does not fit a finding that names no parameter', () => {
    const s = consumer();
    NagSuppressions.addResourceSuppressions(s.fn, [{ id: 'LayerSync-PipelineOrder', reason: REASON, appliesTo: [`Parameter::${OTHER}`] }], true);
    expect(isSuppressedInCdkNag(s.fn, PIPELINE_ORDER)).toBe(false);
    expect(isSuppressedInCdkNag(s.fn, PIPELINE_ORDER, OTHER)).toBe(true);
  });
});

describeWhen(NAG_MAJOR === 3)('cdk-nag 3: Validations.acknowledge', () => {
  const REASON = 'owned by the tools team, who pin it';

  test.each<[string, (s: { stack: Stack; fn: ConsumerStack['fn'] }) => void, boolean]>([
    ['on the function, by the granular id', s => Validations.of(s.fn).acknowledge({ id: `LayerSync-UnhashedConsumer[Parameter::${OTHER}]`, reason: REASON }), true],
    ['on the stack above, by the granular id', s => Validations.of(s.stack).acknowledge({ id: `LayerSync-UnhashedConsumer[Parameter::${OTHER}]`, reason: REASON }), true],
    ['on the resource itself', s => Validations.of(s.fn.node.defaultChild!).acknowledge({ id: `LayerSync-UnhashedConsumer[Parameter::${OTHER}]`, reason: REASON }), true],
    ['by the rule alone (cdk-nag 3 matches no prefix)', s => Validations.of(s.fn).acknowledge({ id: 'LayerSync-UnhashedConsumer', reason: REASON }), false],
    ['for another parameter', s => Validations.of(s.fn).acknowledge({ id: 'LayerSync-UnhashedConsumer[Parameter::/elsewhere]', reason: REASON }), false],
  ])('%s', (_where, acknowledge, expected) => {
    const s = consumer();
    acknowledge(s);
    expect(isSuppressedInCdkNag(s.fn, UNHASHED_CONSUMER, OTHER)).toBe(expected);
  });

  test('a finding that names no parameter is acknowledged by the rule id', () => {
    const s = consumer();
    Validations.of(s.stack).acknowledge({ id: 'LayerSync-PipelineOrder', reason: REASON });
    expect(isSuppressedInCdkNag(s.fn, PIPELINE_ORDER)).toBe(true);
  });
});
