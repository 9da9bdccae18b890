import * as fs from 'fs';
import * as path from 'path';
import { CONSUMER_NOT_FOLLOWING } from '../../../src/findings/consumer-not-following';
import { STAGE_NOT_COVERED } from '../../../src/findings/stage-not-covered';
import { LAYER_SYNC_RULES, ruleOf } from '../../../src/nag/rules/all-rules';
import { ruleName } from '../../../src/nag/rules/layer-sync-rule';

describe('the LayerSync pack\'s rules', () => {
  test('are exactly these, one per finding with a check, and the pack\'s own ConsumerNotFollowing', () => {
    expect(LAYER_SYNC_RULES.map(r => `LayerSync-${ruleName(r.definition)}`)).toEqual([
      'LayerSync-UnhashedConsumer',
      'LayerSync-UnresolvableLayerReference',
      'LayerSync-ExportedLayerArn',
      'LayerSync-CachedLayerLookup',
      'LayerSync-StaleRegistryEntry',
      'LayerSync-DependencyCycle',
      'LayerSync-ConsumerNotFollowing',
      'LayerSync-PipelineOrder',
      'LayerSync-LayerVersionNotRetained',
      'LayerSync-UnsupportedCdkRelease',
      'LayerSync-LiteralArnOfAppLayer',
    ]);
  });

  test('each but the pack\'s own rule is made from its finding\'s check: the rules folder holds no other rule file', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'src', 'nag', 'rules');
    expect(fs.readdirSync(dir).sort()).toEqual(['all-rules.ts', 'consumer-not-following.ts', 'layer-sync-rule.ts']);
    for (const rule of LAYER_SYNC_RULES.filter(r => r.definition !== CONSUMER_NOT_FOLLOWING)) {
      expect(ruleOf(rule.definition)).toBe(rule);
      expect([rule.definition.checkLayer, rule.definition.checkConsumer, rule.definition.checkTree].some(c => c !== undefined)).toBe(true);
    }
  });

  test('a finding without a check has no rule, and asking for it names the finding', () => {
    expect(() => ruleOf(STAGE_NOT_COVERED)).toThrow('the LayerSync pack has no rule for cdk-layer-sync:StageNotCovered');
  });

  test('the cdk-nag page (docs/cdk-nag.md, linked from the README) documents each rule id', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'cdk-nag.md'), 'utf-8');
    for (const rule of LAYER_SYNC_RULES) {
      expect(readme).toContain(`LayerSync-${ruleName(rule.definition)}`);
    }
  });
});
