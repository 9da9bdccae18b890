import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, AppProps, Aspects, AspectPriority, Environment, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { CfnTemplate, documentedLayerFingerprint } from '../../scripts/cdk-cli';
import { LayerDependencyAspect, LayerDependencyAspectProps } from '../../src';

export const PARAMETER = '/platform/layers/common/arn';

/** A fresh directory with one Python module: the source of a test layer. */
export function layerSource(content = 'VALUE = 1\n'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-layer-'));
  fs.mkdirSync(path.join(dir, 'python'));
  fs.writeFileSync(path.join(dir, 'python', 'shared.py'), content);
  return dir;
}

/** An App writing its assembly to a fresh temporary directory. */
export function newApp(props: AppProps = {}): App {
  return new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cls-out-')), ...props });
}

export interface ProducerOptions {
  readonly parameterName?: string;
  readonly source?: string;
  readonly env?: Environment;
  readonly removalPolicy?: RemovalPolicy;
}

/** A stack with a layer and an SSM parameter holding its ARN. */
export class ProducerStack extends Stack {
  public readonly layer: lambda.LayerVersion;
  constructor(scope: Construct, id: string, options: ProducerOptions = {}) {
    super(scope, id, { env: options.env });
    this.layer = new lambda.LayerVersion(this, 'Layer', {
      code: lambda.Code.fromAsset(options.source ?? layerSource()),
      compatibleRuntimes: [lambda.Runtime.PYTHON_3_13],
      removalPolicy: options.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    new ssm.StringParameter(this, 'LayerArn', {
      parameterName: options.parameterName ?? PARAMETER,
      stringValue: this.layer.layerVersionArn,
    });
  }
}

/** A Python function with inline code and the given layers, with a `Live` alias on its current version. */
export function consumerFunction(
  scope: Construct, id: string, layers: lambda.ILayerVersion[], props: Partial<lambda.FunctionProps> = {},
): lambda.Function {
  const fn = new lambda.Function(scope, id, {
    runtime: lambda.Runtime.PYTHON_3_13,
    handler: 'index.handler',
    code: lambda.Code.fromInline('def handler(event, context):\n    return 1\n'),
    layers,
    ...props,
  });
  fn.addAlias('Live');
  return fn;
}

/** A layer imported from an SSM parameter, the way teams write it. */
export function ssmLayer(scope: Construct, parameterName = PARAMETER, id = 'ImportedLayer'): lambda.ILayerVersion {
  const arn = ssm.StringParameter.valueForStringParameter(scope, parameterName);
  return lambda.LayerVersion.fromLayerVersionArn(scope, id, arn);
}

/** A stack with one function importing the layer from SSM. */
export class ConsumerStack extends Stack {
  public readonly fn: lambda.Function;
  constructor(scope: Construct, id: string, options: { parameterName?: string; env?: Environment; description?: string } = {}) {
    super(scope, id, { env: options.env });
    this.fn = consumerFunction(this, 'Consumer', [ssmLayer(this, options.parameterName)], { description: options.description });
  }
}

/** Add the aspect to a scope the way the README tells users to. */
export function addAspect(scope: Construct, props: LayerDependencyAspectProps = {}): LayerDependencyAspect {
  const aspect = new LayerDependencyAspect(props);
  Aspects.of(scope).add(aspect, { priority: AspectPriority.MUTATING });
  return aspect;
}

/** The single resource of a type in a template, by logical id and properties. */
export function onlyResource(template: Template, type: string): { id: string; properties: Record<string, any> } {
  const resources = template.findResources(type);
  const ids = Object.keys(resources);
  if (ids.length !== 1) {
    throw new Error(`expected exactly one ${type}, found ${ids.length}: ${ids.join(', ')}`);
  }
  return { id: ids[0], properties: resources[ids[0]].Properties ?? {} };
}

/** The function's resource in a template (there must be exactly one). */
export function functionOf(template: Template) {
  return onlyResource(template, 'AWS::Lambda::Function');
}

/** The logical id of the Version resource and the version the `Live` alias points at. */
export function versionAndAlias(template: Template): { versionId: string; aliasTarget: string } {
  const version = onlyResource(template, 'AWS::Lambda::Version');
  const alias = onlyResource(template, 'AWS::Lambda::Alias');
  return { versionId: version.id, aliasTarget: alias.properties.FunctionVersion['Fn::GetAtt'][0] };
}

/** The 12-character marker fingerprint of a layer, computed the documented way from a synthesized template. */
export function expectedShortFingerprint(producerTemplate: Template): string {
  return documentedLayerFingerprint(producerTemplate.toJSON() as CfnTemplate);
}

/** Messages of annotations of a given type anywhere in a stack's synthesized metadata. */
export function messages(stack: Stack, type: 'warning' | 'error' | 'info'): string[] {
  const annotations = Annotations.fromStack(stack);
  const found = type === 'warning' ? annotations.findWarning('*', Match.anyValue())
    : type === 'error' ? annotations.findError('*', Match.anyValue()) : annotations.findInfo('*', Match.anyValue());
  return found.map(m => String(m.entry.data));
}
