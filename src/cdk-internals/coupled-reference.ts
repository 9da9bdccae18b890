import { IResolvable, IResolveContext, Reference } from 'aws-cdk-lib';
import { CdkInternal, recordChangedInternal } from './cdk-internal';

/** CDK marks its per-usage reference strength wrapper (`Stack.consumeReference`) with this symbol (core/lib/private/refs). */
const CUSTOM_COUPLED_REFERENCE = Symbol.for('@aws-cdk/core.CustomCoupledReference');

export const COUPLED_REFERENCE: CdkInternal = {
  name: 'Symbol.for(\'@aws-cdk/core.CustomCoupledReference\')',
  checksOff: 'reading the strength `Stack.consumeReference(value, strength)` gives one use of a layer ARN',
};

/** A reference with the strength one use of it was given. */
export interface CoupledReference {
  readonly reference: Reference;
  readonly strength: string;
}

/**
 * The reference and strength of a per-usage wrapper made by `Stack.consumeReference`, or undefined for any other
 * token.
 *
 * Checked both ways: a token with the symbol must hold a `reference` and a `strength`; a token that holds both
 * without the symbol is a wrapper whose mark changed. Either mismatch is recorded for `UnsupportedCdkRelease`; the
 * second is still read, so the consumer keeps following.
 */
export function coupledReferenceOf(token: IResolvable, context: IResolveContext): CoupledReference | undefined {
  const marked = (token as unknown as Record<symbol, unknown>)[CUSTOM_COUPLED_REFERENCE] !== undefined;
  const like = token as unknown as { reference?: unknown; strength?: unknown };
  const wellFormed = Reference.isReference(like.reference) && typeof like.strength === 'string';
  if (marked && !wellFormed) {
    recordChangedInternal(context.scope, COUPLED_REFERENCE, 'a token with the mark has no reference and strength');
    return undefined;
  }
  if (!marked && wellFormed && !Reference.isReference(token)) {
    recordChangedInternal(context.scope, COUPLED_REFERENCE, 'a token holds a reference and a strength without the mark');
  }
  return wellFormed && !Reference.isReference(token) ? { reference: like.reference as Reference, strength: like.strength as string } : undefined;
}
