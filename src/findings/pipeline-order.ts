import { Stack } from 'aws-cdk-lib';
import { ownerScope } from '../cfn/owner-scope';
import { deployedStack } from '../dependencies/stack-dependencies';
import { ConsumerFacts, producerStackOf } from '../facts/consumer-facts';
import { TreeFacts } from '../facts/tree-facts';
import { FUNCTION_TYPE } from '../detect/detect-layer-sources';
import { PipelinePlace, PipelineStack } from '../pipelines/pipeline-deployments';
import { comparePipelineOrder, PipelineOrderOutcome, PipelineOrderResult } from '../pipelines/pipeline-order';
import { FindingDefinition, PendingFinding, TreeFinding } from './finding';
import { FindingLevel } from './finding-level';
import { apiName } from './user-language';

/** A CDK Pipeline may prepare a consumer's change set before the layer it reads is deployed. */
export const PIPELINE_ORDER: FindingDefinition = {
  id: 'cdk-layer-sync:PipelineOrder',
  levelProp: 'pipelineOrder',
  defaultLevel: FindingLevel.ERROR,
  explanation: 'CloudFormation resolves an SSM parameter when it creates the change set (the pipeline\'s Prepare '
    + 'action): a consumer prepared before its producer deployed records the new layer\'s fingerprint while '
    + 'attaching the old layer, and no later synthesis corrects it.',
  checkTree: facts => pipelineOrderFindings(facts),
  packResourceType: FUNCTION_TYPE,
};

function pipelineOrderFindings(facts: TreeFacts): TreeFinding[] {
  if (facts.pipelineStacks.size === 0) {
    return [];
  }
  return facts.consumers.flatMap(consumer => consumerPipelineOrder(consumer, facts.pipelineStacks)
    .map(finding => ({ ...finding, scope: ownerScope(consumer.fn), resource: consumer.fn })));
}

/**
 * A finding for each CDK Pipeline that deploys the consumer's stack in the wrong order or in parallel with a
 * producer's stack. Within one pipeline stage, the order comes from the stack dependencies of the Stage's cloud
 * assembly, which the aspect adds while the Stage is synthesized.
 */
function consumerPipelineOrder(consumer: ConsumerFacts, pipelineStacks: ReadonlyMap<string, readonly PipelineStack[]>): PendingFinding[] {
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

/** The message for an outcome that needs one; undefined when the pipeline order is right. */
export function pipelineOrderMessage(result: PipelineOrderResult, functionPath: string, parameterName: string): string | undefined {
  const { consumer, producer } = result;
  switch (result.outcome) {
    case PipelineOrderOutcome.SAME_WAVE:
      return pipelineSameWaveMessage(functionPath, parameterName, consumer.place, producer.place);
    case PipelineOrderOutcome.CONSUMER_FIRST:
      return pipelineConsumerFirstMessage(functionPath, parameterName, consumer.place, producer.place);
    default:
      return undefined;
  }
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
    + `Fix: deploy '${producer.stageName}' in an earlier wave (pipeline.${apiName('addStage')}(${producer.stageName}Stage) before `
    + `the wave that holds '${consumer.stageName}').`;
}

/** The consumer's Stage is deployed in an earlier wave than its producer's Stage. */
export function pipelineConsumerFirstMessage(
  functionPath: string, parameterName: string, consumer: PipelinePlace, producer: PipelinePlace,
): string {
  return `function ${functionPath} is deployed by ${where(consumer)} of pipeline ${consumer.pipeline}, before `
    + `${where(producer)} that produces its layer parameter '${parameterName}'. ${RISK} `
    + `Fix: add '${producer.stageName}' to the pipeline before '${consumer.stageName}' (the order of ${apiName('addStage')}/${apiName('addWave')} `
    + 'calls is the deploy order).';
}
