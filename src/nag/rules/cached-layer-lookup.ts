import { CACHED_LAYER_LOOKUP } from '../../findings/cached-layer-lookup';
import { consumerFindingRule } from './layer-sync-rule';

/** `LayerSync-CachedLayerLookup`: a function that attaches a layer ARN cached by valueFromLookup (per SSM parameter). */
export const CachedLayerLookup = consumerFindingRule(CACHED_LAYER_LOOKUP);
