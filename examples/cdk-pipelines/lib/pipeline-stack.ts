import { Stack, StackProps } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { DevStage, PlatformStage, ServiceStage } from './stages';

export interface PipelineStackProps extends StackProps {
  /** The development account: the Dev Stage deploys there, Platform and Service in the pipeline's own. */
  readonly devAccount: string;
  readonly layerSourceDir?: string;
  /** Deploy the platform and service Stages in one wave (in parallel): the aspect reports it. */
  readonly sameWave?: boolean;
  /** Pass the Dev Stage's layer by strong reference: the aspect reports it. */
  readonly exportLayer?: boolean;
}

/**
 * The pipeline, as the CDK Pipelines guide writes it: GitHub source, `cdk synth`, then the Stages.
 * `Dev` (its own account) holds both stacks; `Platform` publishes the layer; `Service` consumes it, one wave later.
 */
export class PipelineStack extends Stack {
  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    const pipeline = new pipelines.CodePipeline(this, 'Pipeline', {
      pipelineType: codepipeline.PipelineType.V2,
      crossAccountKeys: true,
      synth: new pipelines.ShellStep('Synth', {
        input: pipelines.CodePipelineSource.gitHub('example-org/orders-service', 'main'),
        commands: ['npm ci', 'npx cdk synth'],
      }),
    });
    const { layerSourceDir, exportLayer, env } = props;
    pipeline.addStage(new DevStage(this, 'Dev', { env: { account: props.devAccount, region: env?.region }, layerSourceDir, exportLayer }));
    const platform = new PlatformStage(this, 'Platform', { env, layerSourceDir });
    const service = new ServiceStage(this, 'Service', { env });
    if (props.sameWave) {
      const wave = pipeline.addWave('Prod');
      wave.addStage(platform);
      wave.addStage(service);
    } else {
      pipeline.addStage(platform);
      pipeline.addStage(service);
    }
  }
}
