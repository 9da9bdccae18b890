import { Stack } from 'aws-cdk-lib';
import { reaches } from '../dependencies/reachability';
import { pipelineBuiltMessage, pipelineConsumerFirstMessage, pipelineSameWaveMessage } from '../findings/pipeline-order';
import { isBuilt, PipelineStack } from './pipeline-deployments';

/** What a pipeline makes of a consumer stack that reads a layer produced by another stack. */
export enum PipelineOrderOutcome {
  /** Same pipeline stage: the consumer stack now deploys after the producer stack. */
  ORDERED = 'ordered',
  /** Same pipeline stage, and the pipeline already deploys the consumer after the producer. */
  ALREADY_ORDERED = 'already-ordered',
  /** The producer's stage is in an earlier wave: the pipeline deploys it first. */
  EARLIER_WAVE = 'earlier-wave',
  /** Different stages of one wave: deployed in parallel, and CDK Pipelines cannot order across stages. */
  SAME_WAVE = 'same-wave',
  /** The consumer's stage is in an earlier wave than the producer's. */
  CONSUMER_FIRST = 'consumer-first',
  /** Same pipeline stage, but the pipeline was built before synthesis: the order cannot be added. */
  PIPELINE_BUILT = 'pipeline-built',
  /** Same pipeline stage, and the producer already deploys after the consumer (the stack-level finding says so). */
  CYCLE = 'cycle',
}

/** One pipeline's verdict on one consumer-producer pair. */
export interface PipelineOrderResult {
  readonly outcome: PipelineOrderOutcome;
  readonly consumer: PipelineStack;
  readonly producer: PipelineStack;
}

/**
 * Make every pipeline that deploys both stacks deploy `consumer` after `producer`, where it can: within one
 * pipeline stage, by a `StackDeployment` dependency (the consumer's Prepare then waits for the producer's
 * Deploy). Across stages it only compares waves. Pipelines that deploy only one of the two are left alone.
 *
 * @param stacks every stack deployed by a pipeline, by construct path (`stacksInPipelines`)
 * @param addOrder false to only read the pipelines, never changing them
 */
export function orderInPipelines(
  consumer: Stack, producer: Stack, stacks: ReadonlyMap<string, readonly PipelineStack[]>, addOrder: boolean,
): PipelineOrderResult[] {
  const results: PipelineOrderResult[] = [];
  for (const consumerPlace of stacks.get(consumer.node.path) ?? []) {
    const producerPlace = (stacks.get(producer.node.path) ?? []).find(p => p.pipeline === consumerPlace.pipeline);
    if (!producerPlace) {
      continue;
    }
    const outcome = consumerPlace.stage === producerPlace.stage
      ? orderWithinStage(consumerPlace, producerPlace, addOrder)
      : compareWaves(consumerPlace.place.waveIndex, producerPlace.place.waveIndex);
    if (outcome) {
      results.push({ outcome, consumer: consumerPlace, producer: producerPlace });
    }
  }
  return results;
}

function orderWithinStage(consumer: PipelineStack, producer: PipelineStack, addOrder: boolean): PipelineOrderOutcome | undefined {
  const dependencies = (s: PipelineStack['deployment']) => s.stackDependencies;
  if (reaches(consumer.deployment, producer.deployment, dependencies)) {
    return PipelineOrderOutcome.ALREADY_ORDERED;
  }
  if (reaches(producer.deployment, consumer.deployment, dependencies)) {
    return PipelineOrderOutcome.CYCLE;
  }
  if (!addOrder) {
    return undefined;
  }
  if (isBuilt(consumer.pipeline)) {
    return PipelineOrderOutcome.PIPELINE_BUILT;
  }
  consumer.deployment.addStackDependency(producer.deployment);
  return PipelineOrderOutcome.ORDERED;
}

function compareWaves(consumerWave: number, producerWave: number): PipelineOrderOutcome {
  if (producerWave < consumerWave) {
    return PipelineOrderOutcome.EARLIER_WAVE;
  }
  return producerWave === consumerWave ? PipelineOrderOutcome.SAME_WAVE : PipelineOrderOutcome.CONSUMER_FIRST;
}

/** The `PipelineOrder` message for an outcome that needs one; undefined when the pipeline order is right. */
export function pipelineOrderMessage(result: PipelineOrderResult, functionPath: string, parameterName: string): string | undefined {
  const { consumer, producer } = result;
  switch (result.outcome) {
    case PipelineOrderOutcome.SAME_WAVE:
      return pipelineSameWaveMessage(functionPath, parameterName, consumer.place, producer.place);
    case PipelineOrderOutcome.CONSUMER_FIRST:
      return pipelineConsumerFirstMessage(functionPath, parameterName, consumer.place, producer.place);
    case PipelineOrderOutcome.PIPELINE_BUILT:
      return pipelineBuiltMessage(functionPath, parameterName, consumer.deployment.constructPath, producer.deployment.constructPath, consumer.place);
    default:
      return undefined;
  }
}
