import { Stack, Stage } from 'aws-cdk-lib';

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
  const seen = new Set<Stack>();
  const pending = [from];
  while (pending.length > 0) {
    const stack = pending.pop()!;
    for (const dependency of stack.dependencies) {
      if (dependency === to) {
        return true;
      }
      if (!seen.has(dependency)) {
        seen.add(dependency);
        pending.push(dependency);
      }
    }
  }
  return false;
}

/**
 * Make `consumer` deploy after `producer`, unless it already does, they are in different cloud
 * assemblies, or the dependency would close a cycle.
 */
export function orderAfterProducer(consumerStack: Stack, producerStack: Stack, reason: string): DependencyOutcome {
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
  if (dependsOn(producer, consumer)) {
    return DependencyOutcome.CYCLE;
  }
  consumer.addStackDependency(producer, reason);
  return DependencyOutcome.ADDED;
}
