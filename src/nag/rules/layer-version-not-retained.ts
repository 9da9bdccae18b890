import { retentionFinding } from '../../analysis/retention-finding';
import { LAYER_VERSION_NOT_RETAINED } from '../../findings/layer-version-not-retained';
import { LAYER_VERSION_TYPE } from '../../fingerprint/layer-version-fingerprint';
import { LayerSyncRule, outcomeOf, RuleCompliance } from './layer-sync-rule';

/** `LayerSync-LayerVersionNotRetained`: a layer version shared with other stacks that updates delete. */
export const LayerVersionNotRetained: LayerSyncRule = {
  definition: LAYER_VERSION_NOT_RETAINED,
  check: (node, plan) => {
    if (node.cfnResourceType !== LAYER_VERSION_TYPE) {
      return { result: RuleCompliance.NOT_APPLICABLE, info: '' };
    }
    const finding = retentionFinding(node, plan.consumersInOtherStacks(node));
    return outcomeOf(finding ? [finding] : []);
  },
};
