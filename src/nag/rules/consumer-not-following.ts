import { renderedProperties } from '../../cdk-internals/rendered-resource';
import { FUNCTION_TYPE } from '../../detect/detect-layer-sources';
import { consumerNotFollowingMessage, CONSUMER_NOT_FOLLOWING } from '../../findings/consumer-not-following';
import { shortFingerprint } from '../../fingerprint/digest';
import { carriesFingerprints } from '../../rewrite/carried-fingerprints';
import { LayerSyncRule, RuleCompliance } from './layer-sync-rule';

/**
 * `LayerSync-ConsumerNotFollowing`: a function with layers whose producers are known, whose rendered template
 * carries their current fingerprints neither in its description (as `LayerDependencyAspect` writes it by default)
 * nor in any environment variable (its `ENVIRONMENT` target). Passes only when the aspect has run on it.
 */
export const ConsumerNotFollowing: LayerSyncRule = {
  definition: CONSUMER_NOT_FOLLOWING,
  check: (node, plan) => {
    if (node.cfnResourceType !== FUNCTION_TYPE) {
      return { result: RuleCompliance.NOT_APPLICABLE, info: '' };
    }
    const consumer = plan.consumer(node);
    if (consumer.tracked.length === 0) {
      return { result: RuleCompliance.COMPLIANT, info: '' };
    }
    const expected = consumer.tracked.map(t => shortFingerprint(t.fingerprint));
    const kinds = consumer.tracked.map(t => t.source.kind);
    let properties: Record<string, unknown>;
    try {
      properties = renderedProperties(node);
    } catch (error) {
      const reason = `its properties could not be resolved (${(error as Error).message.split('\n')[0]})`;
      return { result: RuleCompliance.NON_COMPLIANT, info: consumerNotFollowingMessage(node.node.path, expected, reason, kinds) };
    }
    if (carriesFingerprints(properties, expected)) {
      return { result: RuleCompliance.COMPLIANT, info: '' };
    }
    const reason = 'LayerDependencyAspect did not write their fingerprints into it';
    return { result: RuleCompliance.NON_COMPLIANT, info: consumerNotFollowingMessage(node.node.path, expected, reason, kinds) };
  },
};
