import * as path from 'path';
import { RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

/** The SSM parameter through which services import the tools layer. */
export const TOOLS_LAYER_PARAMETER = '/platform/layers/tools/arn';

export interface LayerStackProps extends StackProps {
  /** The layer's source directory (the end-to-end test points this at a temporary copy). */
  readonly layerSourceDir?: string;
}

/** The platform team's stack: the tools layer, published through SSM. */
export class LayerStack extends Stack {
  /** The layer, for the example of a strong cross-stack reference. */
  public readonly layer: lambda.LayerVersion;

  constructor(scope: Construct, id: string, props: LayerStackProps = {}) {
    super(scope, id, props);
    this.layer = new lambda.LayerVersion(this, 'ToolsLayer', {
      code: lambda.Code.fromAsset(props.layerSourceDir ?? path.join(__dirname, '..', 'layers', 'tools')),
      compatibleRuntimes: [lambda.Runtime.PYTHON_3_13],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new ssm.StringParameter(this, 'ToolsLayerArn', {
      parameterName: TOOLS_LAYER_PARAMETER,
      stringValue: this.layer.layerVersionArn,
    });
  }
}
