// The platform team's app: publishes a shared layer through SSM and writes the lock file other apps read.
import * as path from 'path';
import { App, AspectPriority, Aspects, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
// In your own app: import { LayerDependencyAspect } from 'cdk-layer-sync';
import { LayerDependencyAspect } from '../../../src';

const app = new App();
const stack = new Stack(app, 'PlatformLayers');

const tools = new lambda.LayerVersion(stack, 'ToolsLayer', {
  // `-c layerSourceDir=DIR`: the deploy suite points the layer at a changed copy.
  code: lambda.Code.fromAsset(app.node.tryGetContext('layerSourceDir') ?? path.join(__dirname, 'layers', 'tools')),
  compatibleRuntimes: [lambda.Runtime.PYTHON_3_13],
  removalPolicy: RemovalPolicy.RETAIN,
});
new ssm.StringParameter(stack, 'ToolsLayerArn', {
  parameterName: '/platform/layers/tools/arn',
  stringValue: tools.layerVersionArn,
});

// Every `cdk synth` of this app refreshes the lock file (commit it).
Aspects.of(app).add(new LayerDependencyAspect({
  registryOutput: app.node.tryGetContext('registryOutput') ?? path.join(__dirname, '..', 'layers.lock.json'),
}), { priority: AspectPriority.MUTATING });

app.synth();
