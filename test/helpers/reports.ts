// Reports (layer-dependencies.json) of real syntheses with the aspect, read back as the CLI reads them.
import * as fs from 'fs';
import * as path from 'path';
import { App, Aws, CfnCondition, CfnResource, CrossStackReferences, Fn, ReferenceStrength, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { readReport } from '../../src/report/read-report';
import { LayerDependencyReport } from '../../src/report/report-shape';
import { addAspect, ConsumerStack, consumerFunction, expectedShortFingerprint, layerSource, newApp, PARAMETER, ProducerStack, ssmLayer } from './apps';

const ENV = { account: '111111111111', region: 'eu-west-1' };

/** Synthesize an app built by `build` with the aspect; its assembly directory and report. */
export function synthesizedReport(
  build: (app: App) => void, context: Record<string, string> = {},
): { outdir: string; report: LayerDependencyReport } {
  const app = newApp({ context });
  build(app);
  addAspect(app);
  const outdir = app.synth().directory;
  return { outdir, report: readReport(outdir) };
}

/**
 * A platform app shape: one layer (content given) behind PARAMETER, two tracked consumers, one consumer pinned
 * to version 3 of the parameter, one reading it with a cached valueFromLookup, and one of an unknown parameter.
 */
export function platformApp(layerContent: string, withProducer = true) {
  return synthesizedReport(app => {
    if (withProducer) {
      new ProducerStack(app, 'Layers', { env: ENV, source: layerSource(layerContent) });
    }
    new ConsumerStack(app, 'Orders', { env: ENV });
    new ConsumerStack(app, 'Billing', { env: ENV });
    const pinned = new Stack(app, 'Pinned', { env: ENV });
    consumerFunction(pinned, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(pinned, 'L', ssm.StringParameter.valueForStringParameter(pinned, PARAMETER, 3))]);
    const cached = new Stack(app, 'Cached', { env: ENV });
    consumerFunction(cached, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(cached, 'L', ssm.StringParameter.valueFromLookup(cached, PARAMETER))]);
    new ConsumerStack(app, 'Orphan', { env: ENV, parameterName: '/other-team/arn' });
  }, { [`ssm:account=111111111111:parameterName=${PARAMETER}:region=eu-west-1`]: 'arn:aws:lambda:eu-west-1:111111111111:layer:common:2' });
}

/**
 * A layer reached by weak references (Fn::GetStackOutput) from two consumer stacks: with no SSM parameter, or
 * also published to one (ProducerStack).
 */
export function weakReferenceApp(layerContent: string, alsoBehindParameter = false) {
  const synthesized = synthesizedReport(app => {
    const layer = alsoBehindParameter
      ? new ProducerStack(app, 'Layers', { source: layerSource(layerContent) }).layer
      : new lambda.LayerVersion(new Stack(app, 'Layers'), 'Layer', { code: lambda.Code.fromAsset(layerSource(layerContent)) });
    CrossStackReferences.of(layer).produce(ReferenceStrength.WEAK);
    for (const name of ['Orders', 'Billing']) {
      consumerFunction(new Stack(app, name), 'Fn', [layer]);
    }
  });
  const template = Template.fromJSON(JSON.parse(fs.readFileSync(path.join(synthesized.outdir, 'Layers.template.json'), 'utf-8')));
  return { ...synthesized, layerFingerprint: expectedShortFingerprint(template) };
}

/**
 * A layer of one stack passed to two consumer stacks by strong reference (Export/Import): none can follow it. With
 * `alsoBehindParameter`, the layer is also published to an SSM parameter (ProducerStack) that a third stack reads.
 */
export function strongReferenceApp(layerContent: string, alsoBehindParameter = false) {
  const synthesized = synthesizedReport(app => {
    const layer = alsoBehindParameter
      ? new ProducerStack(app, 'Layers', { source: layerSource(layerContent) }).layer
      : new lambda.LayerVersion(new Stack(app, 'Layers'), 'Layer', { code: lambda.Code.fromAsset(layerSource(layerContent)) });
    if (alsoBehindParameter) {
      new ConsumerStack(app, 'Reports');
    }
    for (const name of ['Orders', 'Billing']) {
      consumerFunction(new Stack(app, name), 'Fn', [layer]);
    }
  });
  const template = Template.fromJSON(JSON.parse(fs.readFileSync(path.join(synthesized.outdir, 'Layers.template.json'), 'utf-8')));
  return { ...synthesized, layerFingerprint: expectedShortFingerprint(template) };
}

export const POWERTOOLS_ARN_PARAMETER = '/powertools/layer/arn';
export const POWERTOOLS_ARM_PARAMETER = '/powertools/layer/arm64-arn';

/**
 * The shape of the AWS Powertools layer stack: one layer per architecture, one parameter name whose value a
 * condition picks (two parameters under opposite conditions), and one parameter whose value is an `Fn::If`; a
 * consumer of each name in another stack. Built into `app` (the caller adds the aspect).
 */
export function buildPowertoolsShapedApp(app: App, x86Content: string, armContent: string): { consumers: Stack } {
  const layers = new Stack(app, 'Layers');
  const hasArm = new CfnCondition(layers, 'HasArm64', { expression: Fn.conditionEquals(Aws.REGION, 'eu-west-1') });
  const noArm = new CfnCondition(layers, 'NoArm64', { expression: Fn.conditionNot(hasArm) });
  const x86 = new lambda.LayerVersion(layers, 'X86', { code: lambda.Code.fromAsset(layerSource(x86Content)) });
  const arm = new lambda.LayerVersion(layers, 'Arm', { code: lambda.Code.fromAsset(layerSource(armContent)) });
  const onX86 = new ssm.StringParameter(layers, 'ArnOnX86', { parameterName: POWERTOOLS_ARN_PARAMETER, stringValue: x86.layerVersionArn });
  const onArm = new ssm.StringParameter(layers, 'ArnOnArm', { parameterName: POWERTOOLS_ARN_PARAMETER, stringValue: arm.layerVersionArn });
  (onX86.node.defaultChild as CfnResource).cfnOptions.condition = noArm;
  (onArm.node.defaultChild as CfnResource).cfnOptions.condition = hasArm;
  new ssm.StringParameter(layers, 'Arm64Arn', {
    parameterName: POWERTOOLS_ARM_PARAMETER, stringValue: Fn.conditionIf(hasArm.logicalId, arm.layerVersionArn, 'none').toString(),
  });
  const consumers = new Stack(app, 'Consumers');
  consumerFunction(consumers, 'Shared', [ssmLayer(consumers, POWERTOOLS_ARN_PARAMETER, 'SharedLayer')]);
  consumerFunction(consumers, 'Arm64', [ssmLayer(consumers, POWERTOOLS_ARM_PARAMETER, 'ArmLayer')]);
  return { consumers };
}

/** The report of a synthesis of the Powertools-shaped app. */
export function powertoolsReport(x86Content: string, armContent: string) {
  return synthesizedReport(app => {
    buildPowertoolsShapedApp(app, x86Content, armContent);
  });
}
