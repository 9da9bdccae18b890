import { stackOrderFindings } from '../../analysis/ordering-findings';
import { FUNCTION_TYPE } from '../../detect/detect-layer-sources';
import { DEPENDENCY_CYCLE } from '../../findings/dependency-cycle';
import { LayerSyncRule, outcomeOf, RuleCompliance } from './layer-sync-rule';

/** `LayerSync-DependencyCycle`: a producer stack that already deploys after its consumer (per SSM parameter). */
export const DependencyCycle: LayerSyncRule = {
  definition: DEPENDENCY_CYCLE,
  check: (node, plan) => node.cfnResourceType === FUNCTION_TYPE
    ? outcomeOf(stackOrderFindings(plan.consumer(node)))
    : { result: RuleCompliance.NOT_APPLICABLE, info: '' },
};
