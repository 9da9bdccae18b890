import { pipelineOrderFindings } from '../../analysis/ordering-findings';
import { FUNCTION_TYPE } from '../../detect/detect-layer-sources';
import { PIPELINE_ORDER } from '../../findings/pipeline-order';
import { LayerSyncRule, outcomeOf, RuleCompliance } from './layer-sync-rule';

/** `LayerSync-PipelineOrder`: a CDK Pipeline that deploys a consumer before or beside its producer (per SSM parameter). */
export const PipelineOrder: LayerSyncRule = {
  definition: PIPELINE_ORDER,
  check: (node, plan) => node.cfnResourceType === FUNCTION_TYPE
    ? outcomeOf(pipelineOrderFindings(plan.consumer(node), plan.pipelineStacks))
    : { result: RuleCompliance.NOT_APPLICABLE, info: '' },
};
