import { Stack, Stage } from 'aws-cdk-lib';
import { reaches } from './reachability';

/** What happened when the aspect tried to order a consumer's stack after its producer's. */
export enum DependencyOutcome {
  /** A new dependency was added. */
  ADDED = 'added',
  /** The consumer's stack already depended on the producer's, directly or transitively. */
  EXISTS = 'exists',
  /** The producer's stack depends on the consumer's: adding it would close a cycle. */
  CYCLE = 'cycle',
  /** Different cloud assemblies (Stages): CDK cannot order them; the pipeline must. */
  OTHER_ASSEMBLY = 'other-assembly',
  /** Same stack: nothing to order. */
  SAME_STACK = 'same-stack',
}

/** The top-level stack that CloudFormation deploys: nested stacks deploy with their parent. */
export function deployedStack(stack: Stack): Stack {
  let current = stack;
  while (current.nestedStackParent) {
    current = current.nestedStackParent;
  }
  return current;
}

/** True when `from` depends on `to` directly or through other stacks. */
export function dependsOn(from: Stack, to: Stack): boolean {
  return reaches(from, to, stack => stack.dependencies);
}

/**
 * What `orderAfterProducer` would do, without doing it: `ADDED` when a dependency would be added.
 */
export function plannedOrder(consumerStack: Stack, producerStack: Stack): DependencyOutcome {
  const consumer = deployedStack(consumerStack);
  const producer = deployedStack(producerStack);
  if (consumer === producer) {
    return DependencyOutcome.SAME_STACK;
  }
  if (Stage.of(consumer) !== Stage.of(producer)) {
    return DependencyOutcome.OTHER_ASSEMBLY;
  }
  if (dependsOn(consumer, producer)) {
    return DependencyOutcome.EXISTS;
  }
  return dependsOn(producer, consumer) ? DependencyOutcome.CYCLE : DependencyOutcome.ADDED;
}

/**
 * Make `consumer` deploy after `producer`, unless it already does, they are in different cloud
 * assemblies, or the dependency would close a cycle.
 */
export function orderAfterProducer(consumerStack: Stack, producerStack: Stack, reason: string): DependencyOutcome {
  const outcome = plannedOrder(consumerStack, producerStack);
  if (outcome === DependencyOutcome.ADDED) {
    addDependency(deployedStack(consumerStack), deployedStack(producerStack), reason);
  }
  return outcome;
}

interface StackDependencyApi {
  addStackDependency?(target: Stack, reason?: string): void;
}

/**
 * `Stack.addStackDependency` where aws-cdk-lib has it; the older `addDependency` (its only name up to
 * 2.185) elsewhere.
 */
function addDependency(consumer: Stack, producer: Stack, reason: string): void {
  const api = consumer as unknown as StackDependencyApi;
  if (typeof api.addStackDependency === 'function') {
    api.addStackDependency(producer, reason);
  } else {
    consumer.addDependency(producer, reason);
  }
}
