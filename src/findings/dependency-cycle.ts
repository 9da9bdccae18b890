import { ownerScope } from '../cfn/owner-scope';
import { DependencyOutcome } from '../dependencies/stack-dependencies';
import { ConsumerFacts, producerOrders } from '../facts/consumer-facts';
import { FindingDefinition, PendingFinding } from './finding';
import { FindingLevel } from './finding-level';

/** The consumer's stack cannot be made to deploy after its producer's: that would close a cycle. */
export const DEPENDENCY_CYCLE: FindingDefinition = {
  id: 'cdk-layer-sync:DependencyCycle',
  levelProp: 'dependencyCycle',
  defaultLevel: FindingLevel.ERROR,
  explanation: 'The producer\'s stack already depends on the consumer\'s, so no deploy order updates the layer '
    + 'before the function that reads it.',
  checkConsumer: consumer => dependencyCycles(consumer),
};

/** One finding for each producer stack that already depends on the consumer's stack: the consumer cannot deploy after it. */
function dependencyCycles(consumer: ConsumerFacts): PendingFinding[] {
  const path = ownerScope(consumer.fn).node.path;
  return producerOrders(consumer).filter(o => o.outcome === DependencyOutcome.CYCLE).map(({ producer }) => ({
    definition: DEPENDENCY_CYCLE,
    message: dependencyCycleMessage(path, consumer.stack.node.path, producer.parameter.stack.node.path, producer.parameterName),
    parameterName: producer.parameterName,
  }));
}

/** Message naming both stacks and the parameter. */
export function dependencyCycleMessage(functionPath: string, consumerStack: string, producerStack: string, parameterName: string): string {
  return `function ${functionPath} reads layer parameter '${parameterName}' produced by stack ${producerStack}, `
    + `but ${producerStack} already depends on ${consumerStack}, so ${consumerStack} cannot be made to deploy after it. `
    + `cdk deploy would update ${consumerStack} first: the function would record the new layer's fingerprint `
    + 'while CloudFormation still resolves the parameter to the old layer ARN, and nothing would correct it later. '
    + `Fix: remove the dependency of ${producerStack} on ${consumerStack} (move the shared resource into a third stack).`;
}
