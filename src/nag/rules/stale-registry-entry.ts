import { STALE_REGISTRY_ENTRY } from '../../findings/stale-registry-entry';
import { consumerFindingRule } from './layer-sync-rule';

/** `LayerSync-StaleRegistryEntry`: a function that takes its fingerprint from a stale registry entry (per SSM parameter). */
export const StaleRegistryEntry = consumerFindingRule(STALE_REGISTRY_ENTRY);
