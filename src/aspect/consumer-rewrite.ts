import { IConstruct } from 'constructs';
import { ConsumerAnalysis } from '../analysis/analyze-consumer';
import { expectInTemplate } from '../cdk-internals/synthesis-phase';
import { ownerScope } from '../cfn/owner-scope';
import { descriptionTruncatedMessage, DESCRIPTION_TRUNCATED } from '../findings/description-truncated';
import { environmentLimitMessage, ENVIRONMENT_LIMIT } from '../findings/environment-limit';
import { FindingDefinition } from '../findings/finding';
import { unresolvableLayerReferenceMessage, UNRESOLVABLE_LAYER_REFERENCE } from '../findings/unresolvable-layer-reference';
import { shortFingerprint } from '../fingerprint/digest';
import { rewriteDescription, rewriteEnvironment } from '../rewrite/apply-rewrite';
import { MARKER_PREFIX } from '../rewrite/description-marker';
import { environmentValue } from '../rewrite/environment-variable';
import { FingerprintTarget } from './layer-dependency-aspect-props';
import { ResolvedOptions } from './resolved-options';

/** Where a rewrite reports what went wrong. */
export type ReportFinding = (scope: IConstruct, definition: FindingDefinition, message: string) => void;

/**
 * Write the fingerprints of a consumer's tracked layers into its description or environment, as the options say,
 * and report what could not be written.
 */
export function writeFingerprints(consumer: ConsumerAnalysis, options: ResolvedOptions, report: ReportFinding): void {
  const scope = ownerScope(consumer.fn);
  const fingerprints = consumer.tracked.map(t => shortFingerprint(t.fingerprint));
  if (options.target === FingerprintTarget.ENVIRONMENT) {
    const variable = options.environmentVariableName;
    const outcome = rewriteEnvironment(consumer.fn, variable, fingerprints);
    if (outcome.refused) {
      report(scope, ENVIRONMENT_LIMIT, environmentLimitMessage(scope.node.path, variable, outcome.refused));
    } else if (outcome.error) {
      report(scope, UNRESOLVABLE_LAYER_REFERENCE, unresolvableLayerReferenceMessage(scope.node.path, 'Environment', outcome.error));
    } else {
      expectInTemplate(consumer.fn, ['Environment', 'Variables', variable], [environmentValue(fingerprints)]);
    }
    return;
  }
  const result = rewriteDescription(consumer.fn, fingerprints);
  if (result.error) {
    report(scope, UNRESOLVABLE_LAYER_REFERENCE, unresolvableLayerReferenceMessage(scope.node.path, 'Description', result.error));
    return;
  }
  const { description, truncatedFrom, keptLength = 0 } = result.composed!;
  expectInTemplate(consumer.fn, ['Description'], [description.slice(description.lastIndexOf(MARKER_PREFIX))]);
  if (truncatedFrom !== undefined) {
    report(scope, DESCRIPTION_TRUNCATED, descriptionTruncatedMessage(scope.node.path, truncatedFrom, keptLength, fingerprints.length));
  }
}
