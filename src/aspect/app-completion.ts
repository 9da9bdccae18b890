import { CfnResource, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { followsWithoutTheAspect } from '../analysis/analyze-consumer';
import { publishedLayersOf, treeFindings } from '../analysis/tree-findings';
import { TreeFacts } from '../facts/tree-facts';
import { isInNestedStage, surfaceFromStage, surfacedMessage, topLevelStackAbove } from '../annotate/stage-surfacing';
import { changedInternalsOf } from '../cdk-internals/cdk-internal';
import { ownerScope } from '../cfn/owner-scope';
import { deployedStack } from '../dependencies/stack-dependencies';
import { detectLayerSources, FUNCTION_TYPE } from '../detect/detect-layer-sources';
import { LayerSourceKind } from '../detect/layer-source';
import { FindingDefinition } from '../findings/finding';
import { FindingLevel } from '../findings/finding-level';
import { producerBuiltLaterMessage, PRODUCER_BUILT_LATER } from '../findings/producer-built-later';
import { stageNotCoveredMessage, STAGE_NOT_COVERED } from '../findings/stage-not-covered';
import { PipelineStack, stacksInPipelines } from '../pipelines/pipeline-deployments';
import { publishingResource } from '../producers/layer-producer';
import { LayerStatus } from '../facts/layer-status';
import { whyNotCoveredByAppWideCall } from './stage-coverage';
import { SessionView } from './session-view';

/**
 * The checks only the whole tree can answer, run by CDK's validation of the root after every aspect of the App's
 * synthesis (and so after every Stage's): Stages that no aspect covered, pipeline waves, layers shared with other
 * stacks, and every finding raised inside a Stage shown where a plain `cdk synth` prints it. Changes no template.
 *
 * @returns validation errors: ERROR findings inside a Stage that no top-level stack can show
 */
export function completeApp(session: SessionView): string[] {
  const root = session.root;
  const constructs = root.node.findAll();
  const options = session.appOptions;
  const report = (scope: IConstruct, definition: FindingDefinition, message: string, parameterName?: string) =>
    session.report(scope, definition, message, options, parameterName);

  for (const [stage, { functions, kinds }] of uncoveredStages(session, constructs)) {
    report(stage, STAGE_NOT_COVERED, stageNotCoveredMessage(stage.node.path, functions.map(fn => ownerScope(fn).node.path),
      whyNotCoveredByAppWideCall(stage, functions), kinds));
  }
  reportProducersBuiltLater(session, report);
  const pipelineStacks = stacksInPipelines(constructs);
  const facts: TreeFacts = {
    constructs,
    consumers: session.consumers,
    publishedLayers: publishedLayersOf(session.producers),
    pipelineStacks,
    ownLockFile: options.registryOutput,
    changedInternals: changedInternalsOf(root),
  };
  for (const finding of treeFindings(facts)) {
    report(finding.scope, finding.definition, finding.message, finding.parameterName);
  }
  return surfaceStageFindings(session, pipelineStacks);
}

/**
 * Functions inside nested Stages that no aspect visited and that have a layer only the aspect makes them follow (all
 * but literal ARNs and own-stack layers CDK hashes into the version), by Stage, with how those layers reach them.
 */
function uncoveredStages(
  session: SessionView, constructs: readonly IConstruct[],
): Map<Stage, { functions: CfnResource[]; kinds: LayerSourceKind[] }> {
  const byStage = new Map<Stage, { functions: CfnResource[]; kinds: LayerSourceKind[] }>();
  for (const fn of constructs) {
    if (!CfnResource.isCfnResource(fn) || fn.cfnResourceType !== FUNCTION_TYPE || !isInNestedStage(fn) || session.isCovered(fn)) {
      continue;
    }
    const stack = Stack.of(fn);
    const unfollowed = detectLayerSources(fn).filter(source => !followsWithoutTheAspect(source, stack));
    if (unfollowed.length === 0) {
      continue;
    }
    const stage = Stage.of(fn)!;
    const found = byStage.get(stage) ?? { functions: [], kinds: [] };
    found.functions.push(fn);
    found.kinds.push(...unfollowed.map(source => source.kind));
    byStage.set(stage, found);
  }
  return byStage;
}

/**
 * Consumers in Stages synthesized before the producer of their layer was created (CDK Pipelines synthesizes a Stage
 * in `addStage()`): their analysis found no producer, the whole tree now has one. Looked up only when a consumer in
 * a Stage has a layer without a producer.
 */
function reportProducersBuiltLater(session: SessionView, report: (scope: IConstruct, definition: FindingDefinition, message: string) => void): void {
  const unknown = session.consumers.flatMap(consumer => (isInNestedStage(consumer.fn)
    ? consumer.layers.filter(l => l.status === LayerStatus.UNHASHED && l.source.parameterName !== undefined).map(layer => ({ consumer, layer }))
    : []));
  if (unknown.length === 0) {
    return;
  }
  const plan = session.planOfWholeTree();
  for (const { consumer, layer } of unknown) {
    const now = plan.forParameter(layer.source.parameterName!, consumer.stack);
    if ('fingerprint' in now && now.producer) {
      const fn = ownerScope(consumer.fn);
      report(fn, PRODUCER_BUILT_LATER, producerBuiltLaterMessage(fn.node.path, Stage.of(consumer.fn)!.node.path,
        layer.source.parameterName!, ownerScope(publishingResource(now.producer)).node.path, layer.source.kind));
    }
  }
}

/**
 * Repeat every standing finding raised inside a nested Stage on a top-level stack; where none relates to the Stage,
 * an ERROR becomes a validation error (so `cdk synth` fails, as it would for the Stage's own stacks) and a warning
 * or info is printed to stderr.
 */
function surfaceStageFindings(session: SessionView, pipelineStacks: ReadonlyMap<string, readonly PipelineStack[]>): string[] {
  const errors: string[] = [];
  for (const finding of session.findings) {
    if (!finding.stands || !isInNestedStage(finding.scope)) {
      continue;
    }
    const scope = finding.scope;
    if (Stage.isStage(scope) && topLevelStackAbove(scope)) {
      // A Stage's own annotations are collected by the top-level stack that contains it: already shown.
      continue;
    }
    const pipeline = deployingPipeline(scope, pipelineStacks);
    if (surfaceFromStage(scope, finding.definition, finding.findingLevel, finding.message, pipeline)) {
      continue;
    }
    const text = `${finding.id}: ${surfacedMessage(scope, undefined, finding.message)}`;
    if (finding.findingLevel === FindingLevel.ERROR) {
      errors.push(text);
    } else {
      session.printOnce(`[${finding.findingLevel}] at ${finding.path}: ${text}`);
    }
  }
  return errors;
}

/** A pipeline that deploys the stack of `scope` (for a Stage, any of its stacks), if any. */
function deployingPipeline(scope: IConstruct, pipelineStacks: ReadonlyMap<string, readonly PipelineStack[]>): IConstruct | undefined {
  if (!Stage.isStage(scope)) {
    return pipelineStacks.get(deployedStack(Stack.of(scope)).node.path)?.[0]?.pipeline;
  }
  const prefix = `${scope.node.path}/`;
  return [...pipelineStacks].find(([path]) => path.startsWith(prefix))?.[1][0]?.pipeline;
}
