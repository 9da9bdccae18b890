import { Stack } from 'aws-cdk-lib';
import { ownerScope } from '../cfn/owner-scope';
import { DependencyOutcome, deployedStack, plannedOrder } from '../dependencies/stack-dependencies';
import { dependencyCycleMessage, DEPENDENCY_CYCLE } from '../findings/dependency-cycle';
import { PIPELINE_ORDER } from '../findings/pipeline-order';
import { PipelineStack } from '../pipelines/pipeline-deployments';
import { comparePipelineOrder, pipelineOrderMessage } from '../pipelines/pipeline-order';
import { ConsumerAnalysis, PendingFinding, producerStackOf } from './analyze-consumer';

/** A stack order the consumer needs and its cloud assembly does not have yet: consumer after producer. */
export interface MissingStackOrder {
  readonly consumerStack: Stack;
  readonly producerStack: Stack;
  /** Why, for the dependency's reason. */
  readonly reason: string;
}

/**
 * The stacks whose SSM parameters the consumer reads (same cloud assembly) that its stack does not deploy after
 * yet, and could without a cycle. Read only: whoever acts adds them.
 */
export function missingStackOrders(consumer: ConsumerAnalysis): MissingStackOrder[] {
  const path = ownerScope(consumer.fn).node.path;
  return consumer.tracked.flatMap(tracked => {
    const producer = tracked.producer;
    if (!producer || plannedOrder(consumer.stack, producer.parameter.stack) !== DependencyOutcome.ADDED) {
      return [];
    }
    return [{
      consumerStack: consumer.stack,
      producerStack: producer.parameter.stack,
      reason: `cdk-layer-sync: ${path} reads layer parameter '${producer.parameterName}'`,
    }];
  });
}

/**
 * A `DependencyCycle` finding for each producer stack that already depends on the consumer's stack: the consumer
 * cannot deploy after it.
 */
export function stackOrderFindings(consumer: ConsumerAnalysis): PendingFinding[] {
  const path = ownerScope(consumer.fn).node.path;
  const findings: PendingFinding[] = [];
  for (const tracked of consumer.tracked) {
    const producer = tracked.producer;
    if (producer && plannedOrder(consumer.stack, producer.parameter.stack) === DependencyOutcome.CYCLE) {
      const producerStack = producer.parameter.stack;
      findings.push({
        definition: DEPENDENCY_CYCLE,
        message: dependencyCycleMessage(path, consumer.stack.node.path, producerStack.node.path, producer.parameterName),
        parameterName: producer.parameterName,
      });
    }
  }
  return findings;
}

/**
 * A `PipelineOrder` finding for each CDK Pipeline that deploys the consumer's stack in the wrong order or in
 * parallel with a producer's stack. Read only: within one pipeline stage, the order comes from the stack
 * dependencies of the Stage's cloud assembly, which the aspect adds while the Stage is synthesized.
 */
export function pipelineOrderFindings(consumer: ConsumerAnalysis, pipelineStacks: ReadonlyMap<string, readonly PipelineStack[]>): PendingFinding[] {
  if (pipelineStacks.size === 0) {
    return [];
  }
  const path = ownerScope(consumer.fn).node.path;
  const findings: PendingFinding[] = [];
  for (const tracked of consumer.tracked) {
    const producerStack: Stack | undefined = producerStackOf(tracked);
    if (!producerStack) {
      continue;
    }
    const parameterName = tracked.producer?.parameterName;
    const subject = parameterName ?? tracked.source.label;
    for (const result of comparePipelineOrder(deployedStack(consumer.stack), deployedStack(producerStack), pipelineStacks)) {
      const message = pipelineOrderMessage(result, path, subject);
      if (message) {
        findings.push({ definition: PIPELINE_ORDER, message, parameterName });
      }
    }
  }
  return findings;
}
