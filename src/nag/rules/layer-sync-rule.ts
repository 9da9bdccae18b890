import { CfnResource } from 'aws-cdk-lib';
import { PendingFinding } from '../../findings/finding';
import { LayerSyncPlan } from '../../analysis/layer-sync-plan';
import { FUNCTION_TYPE } from '../../detect/detect-layer-sources';
import { parameterFinding, ruleName } from '../../annotate/nag-suppressions';
import { FindingDefinition } from '../../findings/finding';


/** cdk-nag's `NagRuleCompliance` values (cdk-nag is loaded only when the pack is used). */
export enum RuleCompliance {
  COMPLIANT = 'Compliant',
  NON_COMPLIANT = 'Non-Compliant',
  NOT_APPLICABLE = 'N/A',
}

/** What a rule found on one resource: cdk-nag's rule result, and the text of the findings behind it. */
export interface RuleOutcome {
  /** A compliance value, or granular findings (`Parameter::NAME`) that cdk-nag turns into `Rule[Parameter::NAME]` ids. */
  readonly result: RuleCompliance | string[];
  /** The aspect's messages for the findings, joined: what, where, why it matters, the fix. */
  readonly info: string;
}

/** One rule of the `LayerSync` pack: one finding of the aspect, read from the same analysis. */
export interface LayerSyncRule {
  /** The finding it reports; the rule id is `LayerSync-` and the part of the finding id after `cdk-layer-sync:`. */
  readonly definition: FindingDefinition;
  check(node: CfnResource, plan: LayerSyncPlan): RuleOutcome;
}

export { ruleName };

/**
 * The outcome of a rule from the findings the analysis gave: compliant without any; granular by parameter
 * when every finding names one (so each external parameter can be acknowledged once); non-compliant otherwise.
 */
export function outcomeOf(findings: readonly PendingFinding[]): RuleOutcome {
  if (findings.length === 0) {
    return { result: RuleCompliance.COMPLIANT, info: '' };
  }
  const info = [...new Set(findings.map(f => f.message))].join(' ');
  const parameters = findings.map(f => f.parameterName);
  if (parameters.every((p): p is string => p !== undefined)) {
    return { result: [...new Set(parameters)].map(parameterFinding), info };
  }
  return { result: RuleCompliance.NON_COMPLIANT, info };
}

/** A rule over the findings the consumer analysis itself gives, for one finding definition. */
export function consumerFindingRule(definition: FindingDefinition): LayerSyncRule {
  return {
    definition,
    check: (node, plan) => node.cfnResourceType === FUNCTION_TYPE
      ? outcomeOf(plan.consumer(node).findings.filter(f => f.definition === definition))
      : { result: RuleCompliance.NOT_APPLICABLE, info: '' },
  };
}

/**
 * A rule over the findings of the whole tree (`LayerSyncPlan.treeFindings`, the function the aspect's App completion
 * calls), for one finding definition, on the resources of one type.
 *
 * @param resourceType the CloudFormation type the finding is about; undefined for any resource, reported only where found
 */
export function treeFindingRule(definition: FindingDefinition, resourceType?: string): LayerSyncRule {
  return {
    definition,
    check: (node, plan) => {
      if (resourceType !== undefined && node.cfnResourceType !== resourceType) {
        return { result: RuleCompliance.NOT_APPLICABLE, info: '' };
      }
      const findings = plan.treeFindingsOn(node).filter(f => f.definition === definition);
      return resourceType === undefined && findings.length === 0
        ? { result: RuleCompliance.NOT_APPLICABLE, info: '' }
        : outcomeOf(findings);
    },
  };
}
