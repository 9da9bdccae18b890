import {
  CfnResource, DefaultTokenResolver, IFragmentConcatenator, IPostProcessor, IResolvable, IResolveContext, Reference, Stack, Tokenization,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { coupledReferenceOf } from '../cdk-internals/coupled-reference';
import { renderedResource } from '../cdk-internals/rendered-resource';

/** A reference token met while resolving, with the per-usage strength CDK lets a user force. */
export interface CapturedReference {
  readonly reference: Reference;
  readonly strengthOverride?: string;
}

/** The result of resolving a value with its references kept as placeholders. */
export interface ResolvedWithReferences {
  /** The resolved value; each captured reference stands as `placeholder(i)`. */
  readonly value: unknown;
  readonly references: readonly CapturedReference[];
}

const MARK = '\u0001cdk-layer-sync:ref:';
const PLACEHOLDER = new RegExp(`^${MARK}(\\d+)\u0001$`);

/**
 * Joins string fragments the way CloudFormation would: text stays text, intrinsics go into a `Fn::Join`.
 * (aws-cdk-lib's own CloudFormation concatenation is not public; this is the minimal equivalent.)
 */
class CloudFormationConcat implements IFragmentConcatenator {
  public join(left: unknown, right: unknown): unknown {
    if (left === undefined) {
      return right;
    }
    if (right === undefined) {
      return left;
    }
    if (typeof left === 'string' && typeof right === 'string') {
      return left + right;
    }
    return { 'Fn::Join': ['', [...joinParts(left), ...joinParts(right)]] };
  }
}

function joinParts(value: unknown): unknown[] {
  const join = (value as { 'Fn::Join'?: [string, unknown[]] } | null)?.['Fn::Join'];
  return join && join[0] === '' ? join[1] : [value];
}

/**
 * A token resolver that resolves everything as CDK would, except references to resources and
 * parameters: those become placeholders, so the caller sees which construct a value comes from even
 * before CDK turns cross-stack references into exports or stack outputs (and after, on a re-synthesis).
 */
class ReferenceCapturingResolver extends DefaultTokenResolver {
  public readonly references: CapturedReference[] = [];

  constructor() {
    super(new CloudFormationConcat());
  }

  public resolveToken(token: IResolvable, context: IResolveContext, postProcessor: IPostProcessor): unknown {
    const coupled = coupledReferenceOf(token, context);
    if (coupled) {
      return this.capture({ reference: coupled.reference, strengthOverride: coupled.strength });
    }
    // Pseudo parameters (AWS::Region...) are references whose target is a stack: resolve them normally.
    if (Reference.isReference(token) && !Stack.isStack(token.target)) {
      return this.capture({ reference: token });
    }
    return super.resolveToken(token, context, postProcessor);
  }

  private capture(reference: CapturedReference): string {
    this.references.push(reference);
    return `${MARK}${this.references.length - 1}\u0001`;
  }
}

/** Resolve `value` in the context of `scope`, keeping references as placeholders. */
export function resolveWithReferences(scope: IConstruct, value: unknown): ResolvedWithReferences {
  const resolver = new ReferenceCapturingResolver();
  const resolved = Tokenization.resolve(value, { scope, resolver, preparing: false });
  return { value: resolved, references: resolver.references };
}

/**
 * Resolve one property of a resource, keeping references as placeholders: the L1's public property (`property`)
 * when it has one, else, for a raw `CfnResource`, the property `cfnName` of its rendering (overrides applied).
 *
 * @throws when a token cannot be resolved, or the rendering changed shape (`CdkInternalChangedError`)
 */
export function resolvePropertyWithReferences(resource: CfnResource, property: string, cfnName: string): ResolvedWithReferences {
  if (property in resource) {
    return resolveWithReferences(resource, (resource as unknown as Record<string, unknown>)[property]);
  }
  let references: readonly CapturedReference[] = [];
  const body = renderedResource(resource, value => {
    const resolved = resolveWithReferences(resource, value);
    references = resolved.references;
    return resolved.value;
  });
  return { value: (body.Properties as Record<string, unknown> | undefined)?.[cfnName], references };
}

/** The captured reference a resolved value stands for, when it is exactly one placeholder. */
export function referenceOf(resolved: ResolvedWithReferences, value: unknown): CapturedReference | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const match = PLACEHOLDER.exec(value);
  return match ? resolved.references[Number(match[1])] : undefined;
}

/** True when a resolved value contains a placeholder anywhere (a reference mixed into other text). */
export function containsReference(value: unknown): boolean {
  return JSON.stringify(value ?? null).includes(JSON.stringify(MARK).slice(1, -1));
}
