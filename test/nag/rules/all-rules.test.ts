import * as fs from 'fs';
import * as path from 'path';
import { LAYER_SYNC_RULES } from '../../../src/nag/rules/all-rules';
import { ruleName } from '../../../src/nag/rules/layer-sync-rule';

describe('the LayerSync pack\'s rules', () => {
  test('are exactly these, one per finding that describes a consumer or a layer at risk', () => {
    expect(LAYER_SYNC_RULES.map(r => `LayerSync-${ruleName(r.definition)}`)).toEqual([
      'LayerSync-UnhashedConsumer',
      'LayerSync-ConsumerNotFollowing',
      'LayerSync-ExportedLayerArn',
      'LayerSync-UnresolvableLayerReference',
      'LayerSync-StaleRegistryEntry',
      'LayerSync-CachedLayerLookup',
      'LayerSync-DependencyCycle',
      'LayerSync-PipelineOrder',
      'LayerSync-LayerVersionNotRetained',
      'LayerSync-UnsupportedCdkRelease',
    ]);
  });

  test('each lives in its own file, named after it', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'src', 'nag', 'rules');
    const files = fs.readdirSync(dir).filter(f => !['all-rules.ts', 'layer-sync-rule.ts'].includes(f)).sort();
    const kebab = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
    expect(files).toEqual(LAYER_SYNC_RULES.map(r => `${kebab(ruleName(r.definition))}.ts`).sort());
  });

  test('the cdk-nag page (docs/cdk-nag.md, linked from the README) documents each rule id', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'cdk-nag.md'), 'utf-8');
    for (const rule of LAYER_SYNC_RULES) {
      expect(readme).toContain(`LayerSync-${ruleName(rule.definition)}`);
    }
  });
});
