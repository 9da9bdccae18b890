import { Stack, Stage, StageProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { CfnTemplate, pipelineActions as actionsOfTemplate } from '../../scripts/cdk-cli';
import { ConsumerStack, ProducerStack } from './apps';

export const PIPELINE_ENV = { account: '111111111111', region: 'eu-west-1' };

/** A CDK Pipelines stack, as the CDK Pipelines guide writes one: a GitHub source and `cdk synth`. */
export class PipelineStack extends Stack {
  public readonly pipeline: pipelines.CodePipeline;
  constructor(scope: Construct, id: string) {
    super(scope, id, { env: PIPELINE_ENV });
    this.pipeline = new pipelines.CodePipeline(this, 'Pipeline', {
      synth: new pipelines.ShellStep('Synth', {
        input: pipelines.CodePipelineSource.gitHub('example-org/example-app', 'main'),
        commands: ['npm ci', 'npx cdk synth'],
      }),
    });
  }
}

/** A Stage with the layer stack (LayerVersion + SSM parameter). */
export class PlatformStage extends Stage {
  public readonly layerStack: ProducerStack;
  constructor(scope: Construct, id: string, props: StageProps & { source?: string } = {}) {
    super(scope, id, { env: PIPELINE_ENV, ...props });
    this.layerStack = new ProducerStack(this, 'LayerStack', { source: props.source });
  }
}

/** A Stage with a function stack importing the layer through SSM. */
export class ServiceStage extends Stage {
  public readonly lambdaStack: ConsumerStack;
  constructor(scope: Construct, id: string, props: StageProps = {}) {
    super(scope, id, { env: PIPELINE_ENV, ...props });
    this.lambdaStack = new ConsumerStack(this, 'LambdaStack');
  }
}

/** A Stage holding both: the layout of most pipeline apps. */
export class AppStage extends Stage {
  public readonly layerStack: ProducerStack;
  public readonly lambdaStack: ConsumerStack;
  constructor(scope: Construct, id: string, props: StageProps & { source?: string } = {}) {
    super(scope, id, { env: PIPELINE_ENV, ...props });
    this.layerStack = new ProducerStack(this, 'LayerStack', { source: props.source });
    this.lambdaStack = new ConsumerStack(this, 'LambdaStack');
  }
}

export type PipelineAction = ReturnType<typeof actionsOfTemplate>[number];

/** The actions of the synthesized `AWS::CodePipeline::Pipeline`, by pipeline stage. */
export function pipelineActions(template: Template): PipelineAction[] {
  return actionsOfTemplate(template.toJSON() as CfnTemplate);
}

/** The run order of one action of one pipeline stage; throws naming what exists when it is missing. */
export function runOrder(actions: PipelineAction[], stage: string, name: string): number {
  const found = actions.find(a => a.stage === stage && a.name === name);
  if (!found) {
    throw new Error(`no action ${stage}/${name}; actions: ${actions.map(a => `${a.stage}/${a.name}@${a.runOrder}`).join(', ')}`);
  }
  return found.runOrder;
}
