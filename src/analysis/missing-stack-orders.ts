import { Stack } from 'aws-cdk-lib';
import { ownerScope } from '../cfn/owner-scope';
import { DependencyOutcome } from '../dependencies/stack-dependencies';
import { ConsumerFacts, producerOrders } from '../facts/consumer-facts';

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
export function missingStackOrders(consumer: ConsumerFacts): MissingStackOrder[] {
  const path = ownerScope(consumer.fn).node.path;
  return producerOrders(consumer).filter(o => o.outcome === DependencyOutcome.ADDED).map(({ producer }) => ({
    consumerStack: consumer.stack,
    producerStack: producer.parameter.stack,
    reason: `cdk-layer-sync: ${path} reads layer parameter '${producer.parameterName}'`,
  }));
}
