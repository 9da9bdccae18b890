import { LAYER_VERSION_NOT_RETAINED } from '../../findings/layer-version-not-retained';
import { LAYER_VERSION_TYPE } from '../../fingerprint/layer-version-fingerprint';
import { treeFindingRule } from './layer-sync-rule';

/**
 * `LayerSync-LayerVersionNotRetained`: a layer version that updates delete, shared with functions of other stacks
 * or, through the lock file the app writes, with other apps.
 */
export const LayerVersionNotRetained = treeFindingRule(LAYER_VERSION_NOT_RETAINED, LAYER_VERSION_TYPE);
