import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { referenceOf, resolvePropertyWithReferences, ResolvedWithReferences } from '../detect/capture-references';
import { LAYER_VERSION_TYPE } from '../fingerprint/layer-version-fingerprint';
import { sha256Hex } from '../fingerprint/digest';
import { environmentOf, isLayerVersionArn, LayerProducer } from './layer-producer';

/** CloudFormation type of an SSM parameter. */
export const SSM_PARAMETER_TYPE = 'AWS::SSM::Parameter';

/**
 * Find every SSM parameter resource among `constructs` whose value is the ARN of a layer version of the
 * app, or a literal layer version ARN (such as an AWS-managed layer's), Stages included. Parameters without a
 * literal name cannot be imported by name, so they are skipped.
 *
 * @param fingerprintOf fingerprints a layer version (cached by the caller); throws when it cannot
 */
export function discoverProducers(constructs: Iterable<IConstruct>, fingerprintOf: (layer: CfnResource) => string): LayerProducer[] {
  const producers: LayerProducer[] = [];
  for (const construct of constructs) {
    if (!CfnResource.isCfnResource(construct) || construct.cfnResourceType !== SSM_PARAMETER_TYPE) {
      continue;
    }
    const producer = asProducer(construct, fingerprintOf);
    if (producer) {
      producers.push(producer);
    }
  }
  return producers;
}

function asProducer(parameter: CfnResource, fingerprintOf: (layer: CfnResource) => string): LayerProducer | undefined {
  const stack = Stack.of(parameter);
  let name: unknown;
  try {
    // A changed rendering of a raw CfnResource is recorded for UnsupportedCdkRelease where it is read.
    const resolvedName = resolvePropertyWithReferences(parameter, 'name', 'Name');
    name = resolvedName.references.length === 0 ? resolvedName.value : undefined;
  } catch {
    // A name that cannot be resolved is no name a consumer can import the parameter by: no consumer can match it.
    return undefined;
  }
  if (typeof name !== 'string' || Token.isUnresolved(name)) {
    return undefined;
  }
  let layer: CfnResource | undefined;
  let literalArn: string | undefined;
  let branches: ConditionalBranches | undefined;
  try {
    const resolved = resolvePropertyWithReferences(parameter, 'value', 'Value');
    const target = referenceOf(resolved, resolved.value)?.reference.target;
    if (target && CfnResource.isCfnResource(target) && target.cfnResourceType === LAYER_VERSION_TYPE) {
      layer = target;
    } else if (isLayerVersionArn(resolved.value)) {
      literalArn = resolved.value;
    } else {
      branches = conditionalBranches(resolved, resolved.value);
    }
  } catch (error) {
    // Kept as a producer that cannot be fingerprinted: its consumers are told why (UnresolvableLayerReference), not
    // that no producer is known.
    return {
      parameterName: name, ...environmentOf(stack), parameter, fingerprint: '',
      fingerprintError: `the value of SSM parameter ${parameter.node.path} could not be resolved (${(error as Error).message.split('\n')[0]})`,
    };
  }
  if (branches) {
    return conditionalProducer(name, parameter, branches, fingerprintOf);
  }
  if (!layer && !literalArn) {
    return undefined;
  }
  if (literalArn) {
    // The ARN names the version: it changes exactly when the published layer does.
    return { parameterName: name, ...environmentOf(stack), parameter, literalArn, fingerprint: literalArnFingerprint(literalArn) };
  }
  let fingerprint = '';
  let fingerprintError: string | undefined;
  try {
    fingerprint = fingerprintOf(layer!);
  } catch (error) {
    fingerprintError = (error as Error).message;
  }
  return { parameterName: name, ...environmentOf(stack), parameter, layer, fingerprint, fingerprintError };
}

/** What each branch of an `Fn::If` value can give: layer versions of the app, and literal texts (ARNs, `none`). */
interface ConditionalBranches {
  readonly conditions: string[];
  readonly layers: CfnResource[];
  readonly literals: string[];
}

/**
 * The branches of a parameter value that is an `Fn::If` (nested ones included) over layer versions of the app and
 * literal texts, or undefined for any other value (a branch with another reference, an intrinsic, or no layer at all).
 */
function conditionalBranches(resolved: ResolvedWithReferences, value: unknown): ConditionalBranches | undefined {
  const found: ConditionalBranches = { conditions: [], layers: [], literals: [] };
  const walk = (v: unknown): boolean => {
    const target = referenceOf(resolved, v)?.reference.target;
    if (target) {
      if (CfnResource.isCfnResource(target) && target.cfnResourceType === LAYER_VERSION_TYPE) {
        found.layers.push(target);
        return true;
      }
      return false;
    }
    if (typeof v === 'string') {
      found.literals.push(v);
      return true;
    }
    const fnIf = (v as { 'Fn::If'?: unknown } | null)?.['Fn::If'];
    if (Array.isArray(fnIf) && fnIf.length === 3 && typeof fnIf[0] === 'string' && Object.keys(v as object).length === 1) {
      found.conditions.push(fnIf[0]);
      return walk(fnIf[1]) && walk(fnIf[2]);
    }
    // `AWS::NoValue` leaves the parameter without a value: nothing to follow.
    return (v as { Ref?: unknown } | null)?.Ref === 'AWS::NoValue';
  };
  if (!walk(value) || found.conditions.length === 0 || (found.layers.length === 0 && !found.literals.some(isLayerVersionArn))) {
    return undefined;
  }
  return found;
}

/** A producer whose value a condition picks: its fingerprint covers every branch. */
function conditionalProducer(
  parameterName: string, parameter: CfnResource, branches: ConditionalBranches, fingerprintOf: (layer: CfnResource) => string,
): LayerProducer {
  const stack = Stack.of(parameter);
  const condition = `Fn::If on ${[...new Set(branches.conditions)].join(', ')}`;
  const base = { parameterName, ...environmentOf(stack), parameter, condition };
  try {
    const parts = [...branches.layers.map(fingerprintOf), ...branches.literals.map(text => `literal:${text}`)];
    return { ...base, layer: branches.layers[0], alternatives: branches.layers, fingerprint: conditionalFingerprint(parts) };
  } catch (error) {
    return { ...base, layer: branches.layers[0], alternatives: branches.layers, fingerprint: '', fingerprintError: (error as Error).message };
  }
}

/** The fingerprint of every choice a condition can make: SHA-256 of their fingerprints, in a stable order. */
export function conditionalFingerprint(parts: readonly string[]): string {
  return sha256Hex(`conditional:${[...parts].sort().join(',')}`);
}

/** The fingerprint of a layer published as a literal ARN: SHA-256 of the ARN. */
export function literalArnFingerprint(arn: string): string {
  return sha256Hex(`layer-version-arn:${arn}`);
}
