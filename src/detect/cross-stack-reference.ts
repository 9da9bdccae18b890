import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import { referenceStrengthOverride } from '../cdk-internals/reference-strength-override';
import { CapturedReference } from './capture-references';

/** The context key CDK reads for the default strength of references a scope consumes. */
export const DEFAULT_CROSS_STACK_REFERENCES = '@aws-cdk/core:defaultCrossStackReferences';

/**
 * Whether CDK will render a cross-stack reference as a weak `Fn::GetStackOutput` in the consumer.
 *
 * Mirrors aws-cdk-lib's own choice (core/lib/private/refs `resolveValue`): a per-usage override, else the
 * producing resource's `CrossStackReferences.of(r).produce(...)`, else the consumer's
 * `@aws-cdk/core:defaultCrossStackReferences` context, else strong. "both" gives the consumer the weak
 * form. References across accounts are always weak.
 */
export function isWeakReference(captured: CapturedReference, consumer: Stack, producer: Stack): boolean {
  const target = captured.reference.target;
  const resourceStrength = CfnResource.isCfnResource(target) ? referenceStrengthOverride(target) : undefined;
  const strength = captured.strengthOverride
    ?? resourceStrength
    ?? consumer.node.tryGetContext(DEFAULT_CROSS_STACK_REFERENCES)
    ?? 'strong';
  if (knownOrUnknown(producer.account) !== knownOrUnknown(consumer.account)) {
    return true;
  }
  return strength === 'weak' || strength === 'both';
}

function knownOrUnknown(value: string): string {
  return Token.isUnresolved(value) ? 'unknown' : value;
}
