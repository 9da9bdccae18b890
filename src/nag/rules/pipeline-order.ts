import { FUNCTION_TYPE } from '../../detect/detect-layer-sources';
import { PIPELINE_ORDER } from '../../findings/pipeline-order';
import { treeFindingRule } from './layer-sync-rule';

/** `LayerSync-PipelineOrder`: a CDK Pipeline that deploys a consumer before or beside its producer (per SSM parameter). */
export const PipelineOrder = treeFindingRule(PIPELINE_ORDER, FUNCTION_TYPE);
