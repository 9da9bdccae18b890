import { UNHASHED_CONSUMER } from '../../findings/unhashed-consumer';
import { consumerFindingRule } from './layer-sync-rule';

/** `LayerSync-UnhashedConsumer`: a function that imports a layer whose producer it cannot find (per SSM parameter). */
export const UnhashedConsumer = consumerFindingRule(UNHASHED_CONSUMER);
