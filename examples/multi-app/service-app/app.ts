// A service team's app: imports the platform layer through SSM and follows it through the lock file.
import * as path from 'path';
import { App, AspectPriority, Aspects, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
// In your own app: import { LayerDependencyAspect, LayerRegistry } from 'cdk-layer-sync';
import { LayerDependencyAspect, LayerRegistry } from '../../../src';

const app = new App();
const stack = new Stack(app, 'OrdersService');

const toolsArn = ssm.StringParameter.valueForStringParameter(stack, '/platform/layers/tools/arn');
const fn = new lambda.Function(stack, 'OrdersFunction', {
  runtime: lambda.Runtime.PYTHON_3_13,
  handler: 'app.lambda_handler',
  code: lambda.Code.fromAsset(path.join(__dirname, 'functions', 'handler')),
  description: 'Orders API',
  layers: [lambda.LayerVersion.fromLayerVersionArn(stack, 'ToolsLayer', toolsArn)],
});
fn.addAlias('Live');

const lockFile = app.node.tryGetContext('registryFile') ?? path.join(__dirname, '..', 'layers.lock.json');
Aspects.of(app).add(new LayerDependencyAspect({ registry: LayerRegistry.fromFile(lockFile) }), { priority: AspectPriority.MUTATING });

app.synth();
