import { CfnResource, IAspect, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ConsumerAnalysis, PendingFinding } from '../analysis/analyze-consumer';
import { LayerSyncPlan } from '../analysis/layer-sync-plan';
import { OrderingMode, pipelineOrderFindings, stackOrderFindings } from '../analysis/ordering-findings';
import { retentionFinding } from '../analysis/retention-finding';
import { staleAssetFinding } from '../analysis/stale-asset-finding';
import { FUNCTION_TYPE } from '../detect/detect-layer-sources';
import { descriptionTruncatedMessage, DESCRIPTION_TRUNCATED } from '../findings/description-truncated';
import { environmentLimitMessage, ENVIRONMENT_LIMIT } from '../findings/environment-limit';
import { FindingDefinition, reportFinding } from '../findings/finding';
import { FindingLevel } from '../findings/finding-level';
import { ownerScope } from '../findings/owner-scope';
import { surfaceFromStage } from '../findings/stage-surfacing';
import { unresolvableLayerReferenceMessage, UNRESOLVABLE_LAYER_REFERENCE } from '../findings/unresolvable-layer-reference';
import { shortFingerprint } from '../fingerprint/digest';
import { LAYER_VERSION_TYPE } from '../fingerprint/layer-version-fingerprint';
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
      this.checkLayer(node, this.planFor(node));
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
    this.reportAll(consumer, consumer.findings);
    if (consumer.tracked.length === 0) {
      return;
    }
    this.rewrite(consumer, ownerScope(consumer.fn));
    if (this.options.addDependencies) {
      this.reportAll(consumer, stackOrderFindings(consumer, OrderingMode.ADD));
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

  /**
   * CDK Pipelines deploy the stacks of a Stage from what `addStage()` read, before this aspect ran: order each
   * consumer after its producer there too, and report what no pipeline order can fix.
   */
  private orderPipelines(plan: LayerSyncPlan): void {
    const mode = this.options.addDependencies ? OrderingMode.ADD : OrderingMode.READ_ONLY;
    for (const consumer of plan.allConsumers) {
      this.reportAll(consumer, pipelineOrderFindings(consumer, plan.pipelineStacks, mode));
    }
  }

  private checkLayer(layer: CfnResource, plan: LayerSyncPlan): void {
    const findings = [
      retentionFinding(layer, plan, this.options.registryOutput),
      staleAssetFinding(plan.layerAssets.get(layer), plan.previousLayerAssets),
    ];
    for (const finding of findings) {
      if (finding) {
        this.report(ownerScope(layer), finding.definition, finding.message);
      }
    }
  }

  private reportAll(consumer: ConsumerAnalysis, findings: readonly PendingFinding[]): void {
    const scope = ownerScope(consumer.fn);
    for (const finding of findings) {
      this.report(scope, finding.definition, finding.message);
    }
  }

  private report(scope: IConstruct, definition: FindingDefinition, finding: string): void {
    const level = this.options.levelOf(definition);
    if (level === FindingLevel.OFF) {
      return;
    }
    // Only warnings can be acknowledged; the hint names the construct the finding is on.
    const message = level === FindingLevel.WARNING
      ? `${finding} Or acknowledge it here or on a scope above: Annotations.of(scope).acknowledgeWarning('${definition.id}', reason).`
      : finding;
    this.planFor(scope).recordFinding({ id: definition.id, level, path: scope.node.path, message });
    if (reportFinding(scope, definition, level, message)) {
      const plan = this.planFor(scope);
      surfaceFromStage(scope, definition, level, message, plan.pipelineDeploying(scope));
    }
  }
}
