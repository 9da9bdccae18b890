import { CfnParameter, CfnResource, Stack, Token } from 'aws-cdk-lib';
import { findElementByLogicalId } from '../cfn/cfn-elements';
import { LAYER_VERSION_TYPE } from '../fingerprint/layer-version-fingerprint';
import { CapturedReference, containsReference, referenceOf, resolvePropertyWithReferences, ResolvedWithReferences } from './capture-references';
import { isWeakReference } from './cross-stack-reference';
import { LayerSource, LayerSourceKind } from './layer-source';
import { SsmContextLookup } from './ssm-context-lookup';
import { containsDynamicReference, parseSsmDynamicReference } from './ssm-dynamic-reference';
import { classifyCfnParameter } from './ssm-parameter-type';

/** CloudFormation type of a Lambda function. */
export const FUNCTION_TYPE = 'AWS::Lambda::Function';

/**
 * Classify every entry of a function's `Layers`: where each layer ARN comes from.
 *
 * Never throws: a value that cannot be resolved becomes an `UNRESOLVABLE` source.
 *
 * @param ssmLookups the SSM lookups cached in the app's context, by value (`indexSsmLookups`), to recognise
 * a literal ARN that `valueFromLookup` produced
 */
export function detectLayerSources(fn: CfnResource, ssmLookups: ReadonlyMap<string, readonly SsmContextLookup[]> = new Map()): LayerSource[] {
  const consumer = Stack.of(fn);
  let resolved: ResolvedWithReferences;
  try {
    resolved = resolvePropertyWithReferences(fn, 'layers', 'Layers');
  } catch (error) {
    return [unresolvable(-1, 'Layers', `resolving it failed: ${(error as Error).message}`)];
  }
  const layers = resolved.value;
  if (layers === undefined || layers === null) {
    return [];
  }
  if (!Array.isArray(layers)) {
    return [unresolvable(-1, 'Layers', `expected a list, got ${describe(layers)}`)];
  }
  return layers.map((entry, index) => classifyEntry(entry, index, resolved, consumer, ssmLookups));
}

function classifyEntry(
  entry: unknown, index: number, resolved: ResolvedWithReferences, consumer: Stack, ssmLookups: ReadonlyMap<string, readonly SsmContextLookup[]>,
): LayerSource {
  const captured = referenceOf(resolved, entry);
  if (captured) {
    return classifyReference(captured, index, consumer);
  }
  if (containsReference(entry)) {
    return unresolvable(index, `Layers[${index}]`, 'the ARN mixes a reference to another construct with other text');
  }
  if (typeof entry === 'string') {
    return classifyString(entry, index, lookupFor(ssmLookups.get(entry), consumer));
  }
  if (entry !== null && typeof entry === 'object') {
    return classifyIntrinsic(entry as Record<string, unknown>, index, consumer);
  }
  return unresolvable(index, `Layers[${index}]`, `expected a string or an intrinsic, got ${describe(entry)}`);
}

function classifyString(entry: string, index: number, lookup: SsmContextLookup | undefined): LayerSource {
  const ssm = parseSsmDynamicReference(entry);
  if (ssm) {
    return {
      kind: LayerSourceKind.SSM_DYNAMIC_REFERENCE,
      index,
      label: `SSM parameter '${ssm.parameterName}'${ssm.version ? ` version ${ssm.version}` : ''} (dynamic reference)`,
      parameterName: ssm.parameterName,
      parameterVersion: ssm.version,
    };
  }
  if (containsDynamicReference(entry)) {
    return {
      kind: LayerSourceKind.UNTRACKABLE,
      index,
      label: `dynamic reference ${entry}`,
      reason: 'only plain {{resolve:ssm:NAME}} references can be matched to a producer',
    };
  }
  if (lookup) {
    return {
      kind: LayerSourceKind.CACHED_LOOKUP,
      index,
      label: `SSM parameter '${lookup.parameterName}' (valueFromLookup, cached in context key '${lookup.contextKey}')`,
      parameterName: lookup.parameterName,
      contextKey: lookup.contextKey,
    };
  }
  return { kind: LayerSourceKind.LITERAL_ARN, index, label: `literal ARN ${entry}` };
}

/** The cached lookup of the consumer's own account and region that holds this value, if any. */
function lookupFor(lookups: readonly SsmContextLookup[] | undefined, consumer: Stack): SsmContextLookup | undefined {
  const known = (value: string) => (Token.isUnresolved(value) ? undefined : value);
  const account = known(consumer.account);
  const region = known(consumer.region);
  return lookups?.find(l => (l.account === undefined || l.account === account) && (l.region === undefined || l.region === region));
}

function classifyIntrinsic(entry: Record<string, unknown>, index: number, consumer: Stack): LayerSource {
  const keys = Object.keys(entry);
  if (keys.length !== 1 || !(keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
    return unresolvable(index, `Layers[${index}]`, 'expected a layer version ARN (a string or one intrinsic function), got an object '
      + `with keys ${JSON.stringify(keys)}, which CloudFormation rejects`);
  }
  if (keys[0] === 'Fn::ImportValue') {
    return { kind: LayerSourceKind.IMPORT_VALUE, index, label: `Fn::ImportValue ${JSON.stringify(entry['Fn::ImportValue'])}` };
  }
  if (keys[0] === 'Fn::GetStackOutput') {
    return {
      kind: LayerSourceKind.STACK_OUTPUT,
      index,
      label: `Fn::GetStackOutput ${JSON.stringify(entry['Fn::GetStackOutput'])}`,
      reason: 'the output belongs to a stack whose constructs are not in this app',
    };
  }
  if (keys[0] === 'Ref' && typeof entry.Ref === 'string') {
    const element = findElementByLogicalId(consumer, entry.Ref);
    if (element instanceof CfnParameter) {
      return classifyCfnParameter(element, index);
    }
    if (CfnResource.isCfnResource(element) && element.cfnResourceType !== LAYER_VERSION_TYPE) {
      return computedAtDeploy(index, `Ref ${entry.Ref}`, describeResource(element));
    }
    const layer = CfnResource.isCfnResource(element) ? element : undefined;
    return { kind: LayerSourceKind.LOCAL, index, label: `Ref ${entry.Ref}`, target: layer, producerStack: layer?.stack };
  }
  const text = JSON.stringify(entry);
  if (text.includes('{{resolve:') || text.includes('Fn::ImportValue') || text.includes('Fn::GetStackOutput')) {
    return unresolvable(index, `Layers[${index}]`, `the ARN is built by ${keys.join(', ')} around an imported value: ${text}`);
  }
  const deployTime = deployTimeInputs(entry);
  if (deployTime.length > 0) {
    return computedAtDeploy(index, `intrinsic ${text}`, deployTime.join(', '));
  }
  // Literals and pseudo parameters only (a partition, a region): the ARN is in the template.
  return { kind: LayerSourceKind.LITERAL_ARN, index, label: `intrinsic ${text}` };
}

/**
 * What an intrinsic takes from the deployment rather than from the template: `Ref`s to anything but a pseudo
 * parameter (`AWS::Region`...), `Fn::GetAtt`s, and `Fn::Sub` variables other than pseudo parameters.
 */
function deployTimeInputs(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(deployTimeInputs);
  }
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  const found: string[] = [];
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'Ref' && typeof inner === 'string' && !inner.startsWith('AWS::')) {
      found.push(`Ref ${inner}`);
    } else if (key === 'Fn::GetAtt') {
      found.push(`Fn::GetAtt ${JSON.stringify(inner)}`);
    } else if (key === 'Fn::Sub') {
      const template = Array.isArray(inner) ? inner[0] : inner;
      const variables = Array.isArray(inner) && typeof inner[1] === 'object' && inner[1] !== null ? Object.keys(inner[1]) : [];
      for (const match of typeof template === 'string' ? template.matchAll(/\$\{([^!}][^}]*)\}/g) : []) {
        if (!match[1].startsWith('AWS::') && !variables.includes(match[1])) {
          found.push(`\${${match[1]}}`);
        }
      }
      if (Array.isArray(inner)) {
        found.push(...deployTimeInputs(inner[1]));
      }
      continue;
    }
    found.push(...deployTimeInputs(inner));
  }
  return found;
}

/**
 * A layer ARN computed when the stack deploys (by a resource of the consumer's own stack that is not a layer version,
 * or by an intrinsic over parameters and attributes): nothing in the template says when the layer changes.
 */
function computedAtDeploy(index: number, label: string, from: string): LayerSource {
  return {
    kind: LayerSourceKind.UNTRACKABLE,
    index,
    label,
    reason: `its ARN is computed when the stack deploys, from ${from}, so the function's template and version do not `
      + 'change when the layer does',
    fix: 'give the function a LayerVersion of this app, or the ARN through an SSM parameter that this app writes from '
      + 'a LayerVersion (new StringParameter(..., { stringValue: layer.layerVersionArn })), so the aspect can fingerprint '
      + 'the layer; or pin the layer version in the ARN, where the template shows each change',
  };
}

function describeResource(resource: CfnResource): string {
  return `${resource.node.path} (${resource.cfnResourceType})`;
}

function classifyReference(captured: CapturedReference, index: number, consumer: Stack): LayerSource {
  const target = captured.reference.target;
  const producer = Stack.of(target);
  const sameStack = isSameOrParentStack(producer, consumer);
  if (sameStack && target instanceof CfnParameter) {
    return classifyCfnParameter(target, index);
  }
  if (sameStack) {
    if (!CfnResource.isCfnResource(target) || target.cfnResourceType !== LAYER_VERSION_TYPE) {
      return CfnResource.isCfnResource(target)
        ? computedAtDeploy(index, `${target.node.path} of the same stack`, describeResource(target))
        : { kind: LayerSourceKind.LOCAL, index, label: `${target.node.path} of the same stack` };
    }
    const where = producer === consumer ? 'of the same stack' : `of the parent stack ${producer.node.path}`;
    return { kind: LayerSourceKind.LOCAL, index, label: `${target.node.path} ${where}`, target, producerStack: producer };
  }
  if (!CfnResource.isCfnResource(target)) {
    return {
      kind: LayerSourceKind.UNTRACKABLE,
      index,
      label: `${target.node.path} of stack ${producer.node.path}`,
      reason: 'it is not a resource the aspect can fingerprint',
      producerStack: producer,
    };
  }
  const weak = isWeakReference(captured, consumer, producer);
  return {
    kind: weak ? LayerSourceKind.WEAK_REFERENCE : LayerSourceKind.STRONG_REFERENCE,
    index,
    label: `${weak ? 'weak' : 'strong'} cross-stack reference to ${target.node.path}`,
    target,
    producerStack: producer,
  };
}

/** Nested stacks receive their parent's values as parameters, not exports: treat them as one stack. */
function isSameOrParentStack(producer: Stack, consumer: Stack): boolean {
  for (let stack: Stack | undefined = consumer; stack; stack = stack.nestedStackParent) {
    if (stack === producer) {
      return true;
    }
  }
  return false;
}

function unresolvable(index: number, what: string, reason: string): LayerSource {
  return { kind: LayerSourceKind.UNRESOLVABLE, index, label: what, reason };
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 200 ? `${text.slice(0, 200)}...` : text;
}
