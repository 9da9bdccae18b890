import { CfnResource } from 'aws-cdk-lib';
import { ConsumerNotFollowing } from '../../../src/nag/rules/consumer-not-following';
import { RuleCompliance } from '../../../src/nag/rules/layer-sync-rule';
import { Template } from 'aws-cdk-lib/assertions';
import { FingerprintTarget } from '../../../src';
import { addAspect, ConsumerStack, functionOf, layerSource, newApp, PARAMETER, ProducerStack } from '../../helpers/apps';
import { checkRule } from '../../helpers/nag';

describe('LayerSync-ConsumerNotFollowing', () => {
  test('non-compliant for a consumer of a known producer that carries no fingerprint (no aspect)', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const consumer = new ConsumerStack(app, 'Consumer', { parameterName: PARAMETER });
    app.synth();
    expect(checkRule(ConsumerNotFollowing, app, consumer.fn)).toBe(RuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['in its description (the default)', FingerprintTarget.DESCRIPTION],
    ['in an environment variable', FingerprintTarget.ENVIRONMENT],
  ])('compliant once the aspect wrote the fingerprint %s', (_where, target) => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const consumer = new ConsumerStack(app, 'Consumer', { parameterName: PARAMETER });
    addAspect(app, { target });
    app.synth();
    expect(checkRule(ConsumerNotFollowing, app, consumer.fn)).toBe(RuleCompliance.COMPLIANT);
  });

  test('non-compliant when the description carries the fingerprint of an older version of the layer', () => {
    const before = newApp();
    new ProducerStack(before, 'Producer', { source: layerSource('VALUE = 1\n') });
    new ConsumerStack(before, 'Consumer', { parameterName: PARAMETER });
    addAspect(before);
    const oldDescription = functionOf(Template.fromStack(before.node.findChild('Consumer') as ConsumerStack)).properties.Description;
    expect(oldDescription).toMatch(/\[layer-sync [0-9a-f]+\]$/);

    const after = newApp();
    new ProducerStack(after, 'Producer', { source: layerSource('VALUE = 2\n') });
    const consumer = new ConsumerStack(after, 'Consumer', { parameterName: PARAMETER });
    (consumer.fn.node.defaultChild as CfnResource).addPropertyOverride('Description', oldDescription);
    after.synth();
    expect(checkRule(ConsumerNotFollowing, after, consumer.fn)).toBe(RuleCompliance.NON_COMPLIANT);
  });

  test('compliant for a consumer with no producer to follow (UnhashedConsumer reports it)', () => {
    const app = newApp();
    const consumer = new ConsumerStack(app, 'Orphan', { parameterName: '/other/arn' });
    expect(checkRule(ConsumerNotFollowing, app, consumer.fn)).toBe(RuleCompliance.COMPLIANT);
  });

  test('not applicable to anything but a function', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    expect(checkRule(ConsumerNotFollowing, app, producer.layer)).toBe(RuleCompliance.NOT_APPLICABLE);
  });
});
