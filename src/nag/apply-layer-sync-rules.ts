import { CfnResource } from 'aws-cdk-lib';
import { LayerSyncPlan } from '../analysis/layer-sync-plan';
import { isAcknowledged } from '../annotate/acknowledgements';
import { ownerScope } from '../cfn/owner-scope';
import { FindingLevel } from '../findings/finding-level';
import { LAYER_SYNC_RULES } from './rules/all-rules';
import { RuleCompliance, ruleName } from './rules/layer-sync-rule';

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

/**
 * Check one resource against every rule of the pack, handing each outcome to cdk-nag's `applyRule`.
 *
 * A warning the app acknowledged for the aspect (`Annotations.of(fn).acknowledgeWarning('cdk-layer-sync:Name', ...)`,
 * on the resource or a scope above it) is compliant here too: one acknowledgement, one id, for both doors. Findings
 * that are errors by default cannot be acknowledged, as in the aspect.
 */
export function applyLayerSyncRules(node: CfnResource, plan: LayerSyncPlan, applyRule: (params: NagRuleApplication) => void): void {
  for (const rule of LAYER_SYNC_RULES) {
    const found = rule.check(node, plan);
    // Only a rule that found something asks about acknowledgements: the pack checks every resource of the app.
    const acknowledged = found.result !== RuleCompliance.COMPLIANT && found.result !== RuleCompliance.NOT_APPLICABLE
      && rule.definition.defaultLevel !== FindingLevel.ERROR && isAcknowledged(ownerScope(node), rule.definition.id);
    const outcome = acknowledged ? { result: RuleCompliance.COMPLIANT, info: '' } : found;
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
