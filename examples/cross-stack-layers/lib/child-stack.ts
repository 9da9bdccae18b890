import * as path from 'path';
import { Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

export interface ChildStackProps extends StackProps {
  /** The SSM parameter that holds the layer version ARN. */
  readonly layerParameterName: string;
}

/**
 * The child stack: functions that import the shared layer through SSM. Nothing here knows about
 * cdk-layer-sync: the aspect added to the app does the rest.
 */
export class ChildStack extends Stack {
  constructor(scope: Construct, id: string, props: ChildStackProps) {
    super(scope, id, props);

    const layerArn = ssm.StringParameter.fromStringParameterName(this, 'CommonModulesLayerVersionArn', props.layerParameterName).stringValue;
    const commonModules = lambda.LayerVersion.fromLayerVersionArn(this, 'CommonModulesLayer', layerArn);

    for (const name of ['ChildHogeLambda', 'ChildHugaLambda']) {
      const fn = new lambda.Function(this, `${name}Function`, {
        code: lambda.Code.fromAsset(path.join(__dirname, '..', 'functions', 'src', toSnakeCase(name))),
        handler: 'app.lambda_handler',
        runtime: lambda.Runtime.PYTHON_3_13,
        architecture: lambda.Architecture.ARM_64,
        description: `${name} of the sample service`,
        tracing: lambda.Tracing.ACTIVE,
        timeout: Duration.seconds(29),
        memorySize: 512,
        layers: [commonModules],
        currentVersionOptions: { removalPolicy: RemovalPolicy.RETAIN },
      });
      fn.addAlias('Live');
    }
  }
}

function toSnakeCase(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}
