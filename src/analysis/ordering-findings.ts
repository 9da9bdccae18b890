import { Stack } from 'aws-cdk-lib';
import { DependencyOutcome, deployedStack, orderAfterProducer, plannedOrder } from '../dependencies/stack-dependencies';
import { dependencyCycleMessage, DEPENDENCY_CYCLE } from '../findings/dependency-cycle';
import { ownerScope } from '../findings/owner-scope';
import { PIPELINE_ORDER } from '../findings/pipeline-order';
import { PipelineStack } from '../pipelines/pipeline-deployments';
import { orderInPipelines, pipelineOrderMessage } from '../pipelines/pipeline-order';
import { ConsumerAnalysis, PendingFinding, producerStackOf } from './analyze-consumer';

/**
 * Whether the deploy-order checks may change the app (the aspect, with `addDependencies`) or only read it (the
 * aspect without it, the cdk-nag pack).
 */
export enum OrderingMode {
  /** Add stack and pipeline dependencies where they are missing; report what cannot be ordered. */
  ADD = 'add',
  /** Change nothing; report what is wrong as the app stands. */
  READ_ONLY = 'read-only',
}

/**
 * Order the consumer's stack after the stacks whose SSM parameters it reads (same cloud assembly), or, read
 * only, check that nothing prevents it: a `DependencyCycle` finding for each producer that already depends on
 * the consumer.
 */
export function stackOrderFindings(consumer: ConsumerAnalysis, mode: OrderingMode): PendingFinding[] {
  const path = ownerScope(consumer.fn).node.path;
  const findings: PendingFinding[] = [];
  for (const tracked of consumer.tracked) {
    const producer = tracked.producer;
    if (!producer) {
      continue;
    }
    const producerStack = producer.parameter.stack;
    const outcome = mode === OrderingMode.ADD
      ? orderAfterProducer(consumer.stack, producerStack, `cdk-layer-sync: ${path} reads layer parameter '${producer.parameterName}'`)
      : plannedOrder(consumer.stack, producerStack);
    if (outcome === DependencyOutcome.CYCLE) {
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
 * In every CDK Pipeline that deploys both, order the consumer's stack after each producer's stack where the
 * pipeline allows it (`ADD`), and return a `PipelineOrder` finding for each pipeline that deploys them in the
 * wrong order or in parallel.
 */
export function pipelineOrderFindings(
  consumer: ConsumerAnalysis, pipelineStacks: ReadonlyMap<string, readonly PipelineStack[]>, mode: OrderingMode,
): PendingFinding[] {
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
    const results = orderInPipelines(deployedStack(consumer.stack), deployedStack(producerStack), pipelineStacks, mode === OrderingMode.ADD);
    for (const result of results) {
      const message = pipelineOrderMessage(result, path, subject);
      if (message) {
        findings.push({ definition: PIPELINE_ORDER, message, parameterName });
      }
    }
  }
  return findings;
}
