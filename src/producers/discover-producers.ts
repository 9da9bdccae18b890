import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { referenceOf, resolveWithReferences } from '../detect/capture-references';
import { LAYER_VERSION_TYPE } from '../fingerprint/layer-version-fingerprint';
import { environmentOf, LayerProducer } from './layer-producer';

/** CloudFormation type of an SSM parameter. */
export const SSM_PARAMETER_TYPE = 'AWS::SSM::Parameter';

interface SsmParameterLike {
  readonly name?: unknown;
  readonly value?: unknown;
  readonly _cfnProperties?: Record<string, unknown>;
}

/**
 * Find every SSM parameter resource among `constructs` whose value is the ARN of a layer version of the
 * app, Stages included. Parameters without a literal name cannot be imported by name, so they are skipped.
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
  const like = parameter as unknown as SsmParameterLike;
  const unresolvedValue = 'value' in like ? like.value : like._cfnProperties?.Value;
  const unresolvedName = 'name' in like ? like.name : like._cfnProperties?.Name;
  const stack = Stack.of(parameter);
  let name: unknown;
  let layer: CfnResource | undefined;
  try {
    name = stack.resolve(unresolvedName);
    const resolved = resolveWithReferences(parameter, unresolvedValue);
    const target = referenceOf(resolved, resolved.value)?.reference.target;
    if (target && CfnResource.isCfnResource(target) && target.cfnResourceType === LAYER_VERSION_TYPE) {
      layer = target;
    }
  } catch {
    return undefined;
  }
  if (!layer || typeof name !== 'string' || Token.isUnresolved(name)) {
    return undefined;
  }
  let fingerprint = '';
  let fingerprintError: string | undefined;
  try {
    fingerprint = fingerprintOf(layer);
  } catch (error) {
    fingerprintError = (error as Error).message;
  }
  return { parameterName: name, ...environmentOf(stack), parameter, layer, fingerprint, fingerprintError };
}
