import { Stack } from 'aws-cdk-lib';
import { reaches } from '../dependencies/reachability';
import { PipelineStack } from './pipeline-deployments';

/** What a pipeline makes of a consumer stack that reads a layer produced by another stack. */
export enum PipelineOrderOutcome {
  /** Same pipeline stage, and the pipeline deploys the consumer after the producer. */
  ALREADY_ORDERED = 'already-ordered',
  /** The producer's stage is in an earlier wave: the pipeline deploys it first. */
  EARLIER_WAVE = 'earlier-wave',
  /** Different stages of one wave: deployed in parallel, and CDK Pipelines cannot order across stages. */
  SAME_WAVE = 'same-wave',
  /** The consumer's stage is in an earlier wave than the producer's. */
  CONSUMER_FIRST = 'consumer-first',
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
 * How every pipeline that deploys both stacks orders `consumer` against `producer`: within one pipeline stage, by
 * the `StackDeployment` dependencies it read from the Stage's cloud assembly; across stages, by wave. Read only.
 * Pipelines that deploy only one of the two are left out.
 *
 * @param stacks every stack deployed by a pipeline, by construct path (`stacksInPipelines`)
 */
export function comparePipelineOrder(
  consumer: Stack, producer: Stack, stacks: ReadonlyMap<string, readonly PipelineStack[]>,
): PipelineOrderResult[] {
  const results: PipelineOrderResult[] = [];
  for (const consumerPlace of stacks.get(consumer.node.path) ?? []) {
    const producerPlace = (stacks.get(producer.node.path) ?? []).find(p => p.pipeline === consumerPlace.pipeline);
    if (!producerPlace) {
      continue;
    }
    const outcome = consumerPlace.stage === producerPlace.stage
      ? orderWithinStage(consumerPlace, producerPlace)
      : compareWaves(consumerPlace.place.waveIndex, producerPlace.place.waveIndex);
    if (outcome) {
      results.push({ outcome, consumer: consumerPlace, producer: producerPlace });
    }
  }
  return results;
}

function orderWithinStage(consumer: PipelineStack, producer: PipelineStack): PipelineOrderOutcome | undefined {
  const dependencies = (s: PipelineStack['deployment']) => s.stackDependencies;
  if (reaches(consumer.deployment, producer.deployment, dependencies)) {
    return PipelineOrderOutcome.ALREADY_ORDERED;
  }
  if (reaches(producer.deployment, consumer.deployment, dependencies)) {
    return PipelineOrderOutcome.CYCLE;
  }
  // Not ordered: the Stage was synthesized without the aspect (StageNotCovered says so) or with addDependencies off.
  return undefined;
}

function compareWaves(consumerWave: number, producerWave: number): PipelineOrderOutcome {
  if (producerWave < consumerWave) {
    return PipelineOrderOutcome.EARLIER_WAVE;
  }
  return producerWave === consumerWave ? PipelineOrderOutcome.SAME_WAVE : PipelineOrderOutcome.CONSUMER_FIRST;
}
