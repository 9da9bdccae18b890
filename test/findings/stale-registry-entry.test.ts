import * as fs from 'fs';
import * as path from 'path';
import { LayerRegistry } from '../../src';
import { RuleCompliance } from '../../src/nag/rules/layer-sync-rule';
import { ConsumerStack, layerSource, newApp, ProducerStack } from '../helpers/apps';
import { checkRule } from '../helpers/nag';
import { ruleOf } from '../../src/nag/rules/all-rules';
import { STALE_REGISTRY_ENTRY } from '../../src/findings/stale-registry-entry';

/** The pack's rule of this finding, made from its check. */
const StaleRegistryEntry = ruleOf(STALE_REGISTRY_ENTRY);

describe('LayerSync-StaleRegistryEntry', () => {
  function registryFor(parameterName: string) {
    const source = layerSource('VALUE = 1\n');
    const registry = new LayerRegistry();
    registry.addDirectory(parameterName, source);
    return { registry, source };
  }

  test('non-compliant, by parameter, when the entry\'s source changed since it was registered', () => {
    const { registry, source } = registryFor('/shared/arn');
    fs.writeFileSync(path.join(source, 'python', 'shared.py'), 'VALUE = 2\n');
    const app = newApp();
    const consumer = new ConsumerStack(app, 'Consumer', { parameterName: '/shared/arn' });
    expect(checkRule(StaleRegistryEntry, app, consumer.fn, registry)).toEqual(['Parameter::/shared/arn']);
  });

  test('compliant while the source is unchanged', () => {
    const { registry } = registryFor('/shared/arn');
    const app = newApp();
    const consumer = new ConsumerStack(app, 'Consumer', { parameterName: '/shared/arn' });
    expect(checkRule(StaleRegistryEntry, app, consumer.fn, registry)).toBe(RuleCompliance.COMPLIANT);
  });

  test('not applicable to a layer version', () => {
    const app = newApp();
    expect(checkRule(StaleRegistryEntry, app, new ProducerStack(app, 'Producer').layer)).toBe(RuleCompliance.NOT_APPLICABLE);
  });
});
