import * as path from 'path';
import { Stack, StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

/**
 * A consumer of a layer that no stack of this app produces (another team's, say). cdk-layer-sync cannot
 * follow it and warns. Only part of the app with `-c withOrphan=true`.
 */
export class OrphanStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    const layerArn = ssm.StringParameter.valueForStringParameter(this, '/other-team/layers/tools/arn');
    new lambda.Function(this, 'OrphanFunction', {
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'functions', 'src', 'child_hoge_lambda')),
      handler: 'app.lambda_handler',
      runtime: lambda.Runtime.PYTHON_3_13,
      architecture: lambda.Architecture.ARM_64,
      layers: [lambda.LayerVersion.fromLayerVersionArn(this, 'ToolsLayer', layerArn)],
    });
  }
}
