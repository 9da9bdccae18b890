import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { referenceOf, resolvePropertyWithReferences } from '../detect/capture-references';
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
  let layer: CfnResource | undefined;
  let literalArn: string | undefined;
  try {
    // A changed rendering of a raw CfnResource is recorded for UnsupportedCdkRelease where it is read.
    const resolvedName = resolvePropertyWithReferences(parameter, 'name', 'Name');
    name = resolvedName.references.length === 0 ? resolvedName.value : undefined;
    const resolved = resolvePropertyWithReferences(parameter, 'value', 'Value');
    const target = referenceOf(resolved, resolved.value)?.reference.target;
    if (target && CfnResource.isCfnResource(target) && target.cfnResourceType === LAYER_VERSION_TYPE) {
      layer = target;
    } else if (isLayerVersionArn(resolved.value)) {
      literalArn = resolved.value;
    }
  } catch {
    return undefined;
  }
  if ((!layer && !literalArn) || typeof name !== 'string' || Token.isUnresolved(name)) {
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

/** The fingerprint of a layer published as a literal ARN: SHA-256 of the ARN. */
export function literalArnFingerprint(arn: string): string {
  return sha256Hex(`layer-version-arn:${arn}`);
}
