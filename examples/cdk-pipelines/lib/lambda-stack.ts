import * as path from 'path';
import { Stack, StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { TOOLS_LAYER_PARAMETER } from './layer-stack';

export interface LambdaStackProps extends StackProps {
  /**
   * Pass this layer directly instead of importing it through SSM: a strong cross-stack reference
   * (Export/ImportValue), which the aspect reports.
   */
  readonly exportedLayer?: lambda.ILayerVersion;
}

/** A service team's stack: a function importing the tools layer through SSM, with a `Live` alias. */
export class LambdaStack extends Stack {
  constructor(scope: Construct, id: string, props: LambdaStackProps = {}) {
    super(scope, id, props);
    const tools = props.exportedLayer ?? lambda.LayerVersion.fromLayerVersionArn(this, 'ToolsLayer',
      ssm.StringParameter.valueForStringParameter(this, TOOLS_LAYER_PARAMETER));
    const fn = new lambda.Function(this, 'OrdersFunction', {
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'functions', 'orders')),
      handler: 'app.lambda_handler',
      runtime: lambda.Runtime.PYTHON_3_13,
      description: 'Orders API',
      layers: [tools],
    });
    fn.addAlias('Live');
  }
}
