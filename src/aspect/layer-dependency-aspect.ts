import { CfnDeletionPolicy, CfnResource, IAspect, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ConsumerAnalysis, producerStackOf } from '../analysis/analyze-consumer';
import { LayerSyncPlan } from '../analysis/layer-sync-plan';
import { FUNCTION_TYPE } from '../detect/detect-layer-sources';
import { deployedStack, DependencyOutcome, orderAfterProducer } from '../dependencies/stack-dependencies';
import { dependencyCycleMessage, DEPENDENCY_CYCLE } from '../findings/dependency-cycle';
import { descriptionTruncatedMessage, DESCRIPTION_TRUNCATED } from '../findings/description-truncated';
import { environmentLimitMessage, ENVIRONMENT_LIMIT } from '../findings/environment-limit';
import { FindingDefinition, reportFinding } from '../findings/finding';
import { FindingLevel } from '../findings/finding-level';
import { layerVersionNotRetainedMessage, LAYER_VERSION_NOT_RETAINED } from '../findings/layer-version-not-retained';
import { ownerScope } from '../findings/owner-scope';
import { PIPELINE_ORDER } from '../findings/pipeline-order';
import { surfaceFromStage } from '../findings/stage-surfacing';
import { unresolvableLayerReferenceMessage, UNRESOLVABLE_LAYER_REFERENCE } from '../findings/unresolvable-layer-reference';
import { shortFingerprint } from '../fingerprint/digest';
import { LAYER_VERSION_TYPE } from '../fingerprint/layer-version-fingerprint';
import { orderInPipelines, pipelineOrderMessage } from '../pipelines/pipeline-order';
import { rewriteDescription, rewriteEnvironment } from '../rewrite/apply-rewrite';
import { FingerprintTarget, LayerDependencyAspectProps } from './layer-dependency-aspect-props';
import { coverNestedStages } from './nested-stages';
import { resolveOptions, ResolvedOptions } from './resolved-options';
import { writeOutputsOnSynthesis } from './synthesis-outputs';

/**
 * Makes every Lambda function that imports a shared layer from another stack or app change its own
 * configuration when that layer changes, so `cdk deploy` updates it, publishes a new version and moves
 * its aliases.
 *
 * ```ts
 * Aspects.of(app).add(new LayerDependencyAspect(), { priority: AspectPriority.MUTATING });
 * ```
 *
 * It discovers layer producers (SSM parameters holding a LayerVersion's ARN) anywhere in the app, Stages
 * included; classifies every layer of every `AWS::Lambda::Function`; writes the fingerprints of the layers
 * it can follow into the function's description (or an environment variable); orders consumer stacks
 * after producer stacks; and reports, as acknowledgeable warnings, every consumer it cannot follow.
 */
export class LayerDependencyAspect implements IAspect {
  private readonly options: ResolvedOptions;
  private readonly plans = new WeakMap<IConstruct, LayerSyncPlan>();
  private readonly coveredStages = new WeakSet<Stage>();

  constructor(props: LayerDependencyAspectProps = {}) {
    this.options = resolveOptions(props);
  }

  /** Called by CDK for every construct in the scope the aspect was added to. */
  public visit(node: IConstruct): void {
    if (Stage.isStage(node)) {
      const plan = this.planFor(node);
      if (node === node.node.root) {
        // Before the Stages are synthesized again, so that findings on their functions reach their assemblies.
        this.orderPipelines(plan);
      }
      coverNestedStages(node, this, this.coveredStages, plan.stagesDeepestFirst);
      return;
    }
    if (!CfnResource.isCfnResource(node)) {
      return;
    }
    if (node.cfnResourceType === FUNCTION_TYPE) {
      this.applyToConsumer(this.planFor(node).consumer(node));
    } else if (node.cfnResourceType === LAYER_VERSION_TYPE) {
      this.checkRetention(node, this.planFor(node));
    }
  }

  private planFor(node: IConstruct): LayerSyncPlan {
    const root = node.node.root;
    let plan = this.plans.get(root);
    if (!plan) {
      plan = new LayerSyncPlan(root, this.options.registry);
      this.plans.set(root, plan);
      writeOutputsOnSynthesis(root, plan, this.options);
    }
    return plan;
  }

  private applyToConsumer(consumer: ConsumerAnalysis): void {
    const scope = ownerScope(consumer.fn);
    for (const finding of consumer.findings) {
      this.report(scope, finding.definition, finding.message);
    }
    if (consumer.tracked.length === 0) {
      return;
    }
    this.rewrite(consumer, scope);
    if (this.options.addDependencies) {
      this.orderStacks(consumer, scope);
    }
  }

  private rewrite(consumer: ConsumerAnalysis, scope: IConstruct): void {
    const fingerprints = consumer.tracked.map(t => shortFingerprint(t.fingerprint));
    if (this.options.target === FingerprintTarget.ENVIRONMENT) {
      const variable = this.options.environmentVariableName;
      const outcome = rewriteEnvironment(consumer.fn, variable, fingerprints);
      if (outcome.refused) {
        this.report(scope, ENVIRONMENT_LIMIT, environmentLimitMessage(scope.node.path, variable, outcome.refused));
      } else if (outcome.error) {
        this.report(scope, UNRESOLVABLE_LAYER_REFERENCE, unresolvableLayerReferenceMessage(scope.node.path, 'Environment', outcome.error));
      }
      return;
    }
    const result = rewriteDescription(consumer.fn, fingerprints);
    if (result.error) {
      this.report(scope, UNRESOLVABLE_LAYER_REFERENCE, unresolvableLayerReferenceMessage(scope.node.path, 'Description', result.error));
    } else if (result.composed?.truncatedFrom !== undefined) {
      const kept = result.composed.description.length;
      this.report(scope, DESCRIPTION_TRUNCATED, descriptionTruncatedMessage(scope.node.path, result.composed.truncatedFrom, kept));
    }
  }

  private orderStacks(consumer: ConsumerAnalysis, scope: IConstruct): void {
    for (const tracked of consumer.tracked) {
      const producer = tracked.producer;
      if (!producer) {
        continue;
      }
      const producerStack = producer.parameter.stack;
      const reason = `cdk-layer-sync: ${scope.node.path} reads layer parameter '${producer.parameterName}'`;
      const outcome = orderAfterProducer(consumer.stack, producerStack, reason);
      if (outcome === DependencyOutcome.CYCLE) {
        this.report(scope, DEPENDENCY_CYCLE, dependencyCycleMessage(
          scope.node.path, consumer.stack.node.path, producerStack.node.path, producer.parameterName));
      }
    }
  }

  /**
   * CDK Pipelines deploy the stacks of a Stage from what `addStage()` read, before this aspect ran: order each
   * consumer after its producer there too, and report what no pipeline order can fix.
   */
  private orderPipelines(plan: LayerSyncPlan): void {
    if (plan.pipelineStacks.size === 0) {
      return;
    }
    for (const consumer of plan.allConsumers) {
      const scope = ownerScope(consumer.fn);
      for (const tracked of consumer.tracked) {
        const producerStack = producerStackOf(tracked);
        if (!producerStack) {
          continue;
        }
        const parameter = tracked.producer?.parameterName ?? tracked.source.label;
        const consumerStack = deployedStack(consumer.stack);
        for (const result of orderInPipelines(consumerStack, deployedStack(producerStack), plan.pipelineStacks, this.options.addDependencies)) {
          const message = pipelineOrderMessage(result, scope.node.path, parameter);
          if (message) {
            this.report(scope, PIPELINE_ORDER, message);
          }
        }
      }
    }
  }

  private checkRetention(layer: CfnResource, plan: LayerSyncPlan): void {
    if (layer.cfnOptions.updateReplacePolicy === CfnDeletionPolicy.RETAIN) {
      return;
    }
    const stacks = [...new Set(plan.consumersInOtherStacks(layer).map(c => c.stack.node.path))].sort();
    const sharedWith = stacks.length > 0 ? [`functions in ${stacks.join(', ')}`] : [];
    if (this.options.registryOutput && plan.producers.some(p => p.layer === layer)) {
      sharedWith.push(`other CDK apps through ${this.options.registryOutput}`);
    }
    if (sharedWith.length === 0) {
      return;
    }
    const scope = ownerScope(layer);
    this.report(scope, LAYER_VERSION_NOT_RETAINED, layerVersionNotRetainedMessage(scope.node.path, sharedWith.join(' and ')));
  }

  private report(scope: IConstruct, definition: FindingDefinition, message: string): void {
    const level = this.options.levelOf(definition);
    if (level === FindingLevel.OFF) {
      return;
    }
    this.planFor(scope).recordFinding({ id: definition.id, level, path: scope.node.path, message });
    if (reportFinding(scope, definition, level, message)) {
      const plan = this.planFor(scope);
      surfaceFromStage(scope, definition, level, message, plan.pipelineDeploying(scope));
    }
  }
}
