import * as path from 'path';
import { RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

/** The SSM parameter through which consumers import the shared layer. */
export const COMMON_MODULES_PARAMETER = 'CommonModulesLayerVersionArn';

export interface CommonStackProps extends StackProps {
  /** The layer's source directory (the demo points this at a temporary copy). */
  readonly layerSourceDir?: string;
}

/** The parent stack: the shared layer, and an SSM parameter holding its version ARN. */
export class CommonStack extends Stack {
  constructor(scope: Construct, id: string, props: CommonStackProps = {}) {
    super(scope, id, props);
    const prefix = this.node.tryGetContext('project_prefix') ?? 'Sample';

    const layer = new lambda.LayerVersion(this, `${prefix}CommonModulesLayer`, {
      code: lambda.Code.fromAsset(props.layerSourceDir ?? path.join(__dirname, '..', 'functions', 'src', 'lambda_layers', 'common_modules')),
      compatibleRuntimes: [lambda.Runtime.PYTHON_3_13],
      compatibleArchitectures: [lambda.Architecture.ARM_64],
      // Consumers in other stacks may roll back to the previous version: keep it.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    new ssm.StringParameter(this, `${COMMON_MODULES_PARAMETER}Parameter`, {
      parameterName: COMMON_MODULES_PARAMETER,
      stringValue: layer.layerVersionArn,
    });
  }
}
