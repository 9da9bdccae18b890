import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';

/** A CDK Pipeline may prepare a consumer's change set before the layer it reads is deployed. */
export const PIPELINE_ORDER: FindingDefinition = {
  id: 'cdk-layer-sync:PipelineOrder',
  levelProp: 'pipelineOrder',
  defaultLevel: FindingLevel.ERROR,
  explanation: 'CloudFormation resolves an SSM parameter when it creates the change set (the pipeline\'s Prepare '
    + 'action): a consumer prepared before its producer deployed records the new layer\'s fingerprint while '
    + 'attaching the old layer, and no later synthesis corrects it.',
};

/** Where a stack is deployed in a pipeline, for messages. */
export interface PipelinePlace {
  /** The pipeline's construct path. */
  readonly pipeline: string;
  /** The pipeline stage (StageDeployment) name. */
  readonly stageName: string;
  /** The wave id. */
  readonly waveId: string;
  /** The wave's position in the pipeline, from 0. */
  readonly waveIndex: number;
}

const RISK = 'The consumer\'s change set could then be created (Prepare) while the parameter still holds the old '
  + 'layer ARN: the function would record the new fingerprint and keep running the old layer, and nothing would '
  + 'correct it later.';

function where(place: PipelinePlace): string {
  return `pipeline stage '${place.stageName}' (wave ${place.waveIndex + 1}, '${place.waveId}')`;
}

/** The consumer's Stage is deployed in the same wave as its producer's Stage, in parallel. */
export function pipelineSameWaveMessage(
  functionPath: string, parameterName: string, consumer: PipelinePlace, producer: PipelinePlace,
): string {
  return `function ${functionPath} is deployed by ${where(consumer)} of pipeline ${consumer.pipeline}, and reads layer `
    + `parameter '${parameterName}' produced in ${where(producer)}: the same wave, so both stages deploy in parallel `
    + `and CDK Pipelines cannot order stacks across stages. ${RISK} `
    + `Fix: deploy '${producer.stageName}' in an earlier wave (pipeline.addStage(${producer.stageName}Stage) before `
    + `the wave that holds '${consumer.stageName}').`;
}

/** The consumer's Stage is deployed in an earlier wave than its producer's Stage. */
export function pipelineConsumerFirstMessage(
  functionPath: string, parameterName: string, consumer: PipelinePlace, producer: PipelinePlace,
): string {
  return `function ${functionPath} is deployed by ${where(consumer)} of pipeline ${consumer.pipeline}, before `
    + `${where(producer)} that produces its layer parameter '${parameterName}'. ${RISK} `
    + `Fix: add '${producer.stageName}' to the pipeline before '${consumer.stageName}' (the order of addStage/addWave `
    + 'calls is the deploy order).';
}
