import { EXPORTED_LAYER_ARN } from '../../findings/exported-layer-arn';
import { consumerFindingRule } from './layer-sync-rule';

/** `LayerSync-ExportedLayerArn`: a function that takes its layer ARN from a CloudFormation Export/Import. */
export const ExportedLayerArn = consumerFindingRule(EXPORTED_LAYER_ARN);
