import { FINDINGS } from '../../findings/catalog';
import { FindingDefinition } from '../../findings/finding';
import { ConsumerNotFollowing } from './consumer-not-following';
import { consumerFindingRule, LayerSyncRule, treeFindingRule } from './layer-sync-rule';

/**
 * Every rule of the `LayerSync` pack, made from the catalogue: a rule on every function for each finding with a
 * check of a function or its layers, one for each finding with a check of the whole tree (on the resources its
 * `packResourceType` names), and the pack's own `ConsumerNotFollowing`. A new finding with a check is a new rule
 * without a line here.
 */
export const LAYER_SYNC_RULES: readonly LayerSyncRule[] = [
  ...FINDINGS.filter(f => f.checkLayer !== undefined || f.checkConsumer !== undefined).map(consumerFindingRule),
  ConsumerNotFollowing,
  ...FINDINGS.filter(f => f.checkTree !== undefined).map(f => treeFindingRule(f, f.packResourceType)),
];

/** The pack's rule of one finding; throws naming it when the pack has none. */
export function ruleOf(definition: FindingDefinition): LayerSyncRule {
  const rule = LAYER_SYNC_RULES.find(r => r.definition === definition);
  if (!rule) {
    throw new Error(`the LayerSync pack has no rule for ${definition.id}: it has no check of a function, its layers or the tree`);
  }
  return rule;
}
