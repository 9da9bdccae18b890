import { UNRESOLVABLE_LAYER_REFERENCE } from '../../findings/unresolvable-layer-reference';
import { consumerFindingRule } from './layer-sync-rule';

/** `LayerSync-UnresolvableLayerReference`: a function that has a layer reference the analysis cannot resolve. */
export const UnresolvableLayerReference = consumerFindingRule(UNRESOLVABLE_LAYER_REFERENCE);
