import { Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { acknowledgementsOn } from '../cdk-internals/acknowledgement-registry';

/**
 * True when warning `id` was acknowledged on `scope` or on any scope above it, with
 * `Annotations.of(s).acknowledgeWarning(id, ...)` or `Validations.of(s).acknowledge({ id, ... })`.
 *
 * Newer aws-cdk-lib releases answer this inside `addWarningV2`. Older ones, down to the supported floor, miss
 * two cases that this library's users meet all the time: an acknowledgement made on the very construct the
 * warning is later added to (aws/aws-cdk#38820), and one made outside the Stage that holds the construct (their
 * registry is per Stage). So the findings check here first, reading CDK's registries without changing them;
 * a registry of another shape reads as "not acknowledged" (and is reported as `UnsupportedCdkRelease`), and
 * `addWarningV2` decides as usual.
 */
export function isAcknowledged(scope: IConstruct, id: string): boolean {
  const paths = scope.node.scopes.map(s => s.node.path).filter(p => p !== '');
  for (const owner of scope.node.scopes) {
    if (owner !== scope.node.root && !Stage.isStage(owner)) {
      continue;
    }
    const acks = acknowledgementsOn(owner);
    if (acks && paths.some(p => acks.get(p)?.has(id) === true)) {
      return true;
    }
  }
  return false;
}
