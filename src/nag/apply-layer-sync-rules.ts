import { CfnResource } from 'aws-cdk-lib';
import { LayerSyncPlan } from '../analysis/layer-sync-plan';
import { FindingLevel } from '../findings/finding-level';
import { LAYER_SYNC_RULES } from './rules/all-rules';
import { ruleName } from './rules/layer-sync-rule';

/** cdk-nag's message levels (the same strings in cdk-nag 2 and 3) for the findings' default levels. */
const NAG_LEVEL: Record<FindingLevel, string> = {
  [FindingLevel.ERROR]: 'Error',
  [FindingLevel.WARNING]: 'Warning',
  [FindingLevel.INFO]: 'Info',
  [FindingLevel.OFF]: 'Info',
};

/** What both cdk-nag majors' `NagPack.applyRule` take (their `IApplyRule`), in the fields the pack sets. */
export interface NagRuleApplication {
  readonly ruleSuffixOverride: string;
  readonly info: string;
  readonly explanation: string;
  readonly level: string;
  readonly node: CfnResource;
  rule(node: CfnResource): unknown;
}

/** Check one resource against every rule of the pack, handing each outcome to cdk-nag's `applyRule`. */
export function applyLayerSyncRules(node: CfnResource, plan: LayerSyncPlan, applyRule: (params: NagRuleApplication) => void): void {
  for (const rule of LAYER_SYNC_RULES) {
    const outcome = rule.check(node, plan);
    applyRule({
      ruleSuffixOverride: ruleName(rule.definition),
      info: outcome.info || rule.definition.explanation,
      explanation: rule.definition.explanation,
      level: NAG_LEVEL[rule.definition.defaultLevel],
      node,
      rule: () => outcome.result,
    });
  }
}
