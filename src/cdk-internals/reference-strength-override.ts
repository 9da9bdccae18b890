import { CfnResource } from 'aws-cdk-lib';
import { CdkInternal, recordChangedInternal, shapeOf } from './cdk-internal';

export const REFERENCE_STRENGTH_OVERRIDE: CdkInternal = {
  name: 'CfnResource._crossStackReferenceStrengthOverride',
  checksOff: 'reading the strength `applyCrossStackReferenceStrength` (or `CrossStackReferences.of(r).produce`) gives '
    + 'a producing resource, so a weak reference can read as strong or the reverse',
};

const STRENGTHS = ['strong', 'weak', 'both'];

/**
 * The cross-stack reference strength set on a producing resource with the public
 * `applyCrossStackReferenceStrength`, which has no public getter; undefined when none was set or the release has no
 * such setter (before weak references).
 *
 * Checked: where the setter exists, the getter does too and returns one of `strong`, `weak`, `both` or nothing.
 * Otherwise the change is recorded for `UnsupportedCdkRelease` and no override is read.
 */
export function referenceStrengthOverride(resource: CfnResource): string | undefined {
  const like = resource as unknown as { applyCrossStackReferenceStrength?: unknown; _crossStackReferenceStrengthOverride?: unknown };
  if (typeof like.applyCrossStackReferenceStrength !== 'function') {
    return undefined;
  }
  if (!('_crossStackReferenceStrengthOverride' in resource)) {
    recordChangedInternal(resource, REFERENCE_STRENGTH_OVERRIDE, 'the release sets a strength but has no such getter');
    return undefined;
  }
  const strength = like._crossStackReferenceStrengthOverride;
  if (strength !== undefined && (typeof strength !== 'string' || !STRENGTHS.includes(strength))) {
    recordChangedInternal(resource, REFERENCE_STRENGTH_OVERRIDE, `it returned ${shapeOf(strength)} ${JSON.stringify(strength)}`);
    return undefined;
  }
  return strength;
}
