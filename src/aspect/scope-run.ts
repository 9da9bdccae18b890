import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ConsumerAnalysis } from '../analysis/analyze-consumer';
import { LayerAssetRecord, PreviousLayerAssets } from '../facts/layer-asset-record';
import { LayerSyncPlan } from '../analysis/layer-sync-plan';
import { missingStackOrders } from '../analysis/missing-stack-orders';
import { recordLayerAsset, staleAssetFinding } from '../analysis/stale-asset-finding';
import { ownerScope } from '../cfn/owner-scope';
import { orderAfterProducer } from '../dependencies/stack-dependencies';
import { FUNCTION_TYPE } from '../detect/detect-layer-sources';
import { DEPENDENCY_CYCLE } from '../findings/dependency-cycle';
import { FindingDefinition, PendingFinding } from '../findings/finding';
import { layerAttachedLateMessage, LAYER_ATTACHED_LATE } from '../findings/layer-attached-late';
import { sameCauseListing, sameCauseMessage } from '../findings/same-cause';
import { assemblyConstructs } from './assembly-constructs';
import { writeFingerprints } from './consumer-rewrite';
import { ResolvedOptions } from './resolved-options';

/** What a run reports to and records in: the session of the whole tree. */
export interface RunHost {
  report(scope: IConstruct, definition: FindingDefinition, message: string, options: ResolvedOptions, parameterName?: string): void;
  /** The consumer's latest analysis, for the report and the App's checks. */
  applied(consumer: ConsumerAnalysis): void;
  /** The layer assets the previous synthesis into the same cloud assembly directory recorded, by layer path. */
  readonly previousLayerAssets: PreviousLayerAssets;
}

/**
 * One aspect's work in one synthesis: the App's, or one Stage's (CDK synthesizes each Stage on its own, with its
 * own aspects). Each function is analysed when the aspect visits it, so it sees every layer attached until then;
 * `complete()`, run by CDK's validation after every aspect of that synthesis, catches layers attached later.
 */
export class ScopeRun {
  /** Each function handled, with the layer sources its analysis saw. */
  private readonly handled = new Map<CfnResource, string>();
  private readonly visitedStacks = new Set<Stack>();
  private readonly layers: CfnResource[] = [];
  private readonly assetRecords: LayerAssetRecord[] = [];
  /** The first function reported for each finding, stack and layer source: the others of that cause point at it. */
  private readonly firstOfCause = new Map<string, string>();
  /** The functions of a stack by the labels of their layer sources, indexed when a finding of the stack first needs it. */
  private readonly functionsBySource = new Map<Stack, Map<string, CfnResource[]>>();
  private madePlan?: LayerSyncPlan;

  /**
   * @param makePlan the analysis of the tree, made when the run first needs it (a run that meets no function and no
   * layer, such as the App's in an app whose functions are all in Stages, never pays for it)
   */
  constructor(
    public readonly scope: IConstruct,
    private readonly makePlan: () => LayerSyncPlan,
    public readonly options: ResolvedOptions,
    private readonly host: RunHost,
  ) {}

  /** The analysis of the tree this run works from. */
  public get plan(): LayerSyncPlan {
    this.madePlan ??= this.makePlan();
    return this.madePlan;
  }

  /** The analysis, if the run needed one. */
  public get planIfMade(): LayerSyncPlan | undefined {
    return this.madePlan;
  }

  /** The directory assets of the layer versions this run checked, with their source fingerprints. */
  public get layerAssets(): readonly LayerAssetRecord[] {
    return this.assetRecords;
  }

  /** Called for every construct the aspect visits in this synthesis. */
  public visit(node: IConstruct): void {
    if (Stack.isStack(node)) {
      this.visitedStacks.add(node);
    } else if (CfnResource.isCfnResource(node) && node.cfnResourceType === FUNCTION_TYPE && !this.handled.has(node)) {
      this.apply(this.plan.consumer(node));
    }
  }

  /** Remember a layer version of this synthesis, checked when it completes. */
  public visitLayer(layer: CfnResource): void {
    this.layers.push(layer);
    // A synthesis with layer versions publishes producers (the report, the lock file): discover them now.
    this.madePlan ??= this.makePlan();
  }

  /**
   * After every aspect of the synthesis: functions whose layers changed since the aspect visited them (another aspect
   * attached one at a later priority), and functions added since under stacks the aspect visited, are analysed again
   * and rewritten; then the layers' own checks. Templates are written after this, so the rewrite still lands, except
   * in nested stacks, whose templates CDK fixes before validation: those are reported instead.
   */
  public complete(): void {
    for (const construct of assemblyConstructs(this.scope)) {
      if (!CfnResource.isCfnResource(construct) || construct.cfnResourceType !== FUNCTION_TYPE) {
        continue;
      }
      const seen = this.handled.get(construct);
      if (seen === undefined && !this.visitedStacks.has(Stack.of(construct))) {
        continue;
      }
      if (seen !== undefined && seen === sourcesKey(this.plan.currentSources(construct))) {
        continue;
      }
      this.apply(this.plan.reanalyze(construct), seen !== undefined);
    }
    for (const layer of this.layers.splice(0)) {
      const record = recordLayerAsset(layer);
      const finding = staleAssetFinding(record, this.host.previousLayerAssets);
      if (record) {
        // While CDK keeps a stale asset hash, the report keeps the fingerprint of the source that hash was made from,
        // so every later synthesis reports it again (a retry after the failed one must not pass with the old S3 key).
        const before = finding ? this.host.previousLayerAssets.records.get(record.layer) : undefined;
        this.assetRecords.push(before ? { ...record, fingerprint: before.fingerprint } : record);
      }
      if (finding) {
        this.report(ownerScope(layer), finding.definition, finding.message);
      }
    }
  }

  private apply(consumer: ConsumerAnalysis, late = false): void {
    this.handled.set(consumer.fn, sourcesKey(consumer.layers.map(l => l.source)));
    this.host.applied(consumer);
    const scope = ownerScope(consumer.fn);
    for (const finding of consumer.findings) {
      // A cycle matters only to the stack order the aspect adds: an app that orders its stacks itself is not told.
      if (finding.definition !== DEPENDENCY_CYCLE || this.options.addDependencies) {
        this.reportConsumerFinding(consumer, scope, finding);
      }
    }
    if (consumer.tracked.length === 0) {
      return;
    }
    if (late && consumer.stack.nestedStackParent) {
      const layers = consumer.tracked.map(t => t.source.label);
      this.report(scope, LAYER_ATTACHED_LATE, layerAttachedLateMessage(scope.node.path, consumer.stack.node.path, layers));
      return;
    }
    writeFingerprints(consumer, this.options, (s, d, m) => this.report(s, d, m));
    if (this.options.addDependencies) {
      for (const order of missingStackOrders(consumer)) {
        orderAfterProducer(order.consumerStack, order.producerStack, order.reason);
      }
    }
  }

  /**
   * A finding of the consumer's analysis, grouped by cause: the first function of a stack with this finding for this
   * layer source gets the whole message and the list of the others; each other one a line pointing at the first.
   */
  private reportConsumerFinding(consumer: ConsumerAnalysis, scope: IConstruct, finding: PendingFinding): void {
    if (finding.cause === undefined) {
      this.report(scope, finding.definition, finding.message, finding.parameterName);
      return;
    }
    const key = `${finding.definition.id}\u0000${consumer.stack.node.path}\u0000${finding.cause}`;
    const first = this.firstOfCause.get(key);
    if (first !== undefined && first !== scope.node.path) {
      this.report(scope, finding.definition, sameCauseMessage(scope.node.path, finding.cause, first), finding.parameterName);
      return;
    }
    this.firstOfCause.set(key, scope.node.path);
    const others = this.functionsWithSource(consumer, finding.cause);
    const message = others.length > 0 ? `${finding.message} ${sameCauseListing(consumer.stack.node.path, others)}` : finding.message;
    this.report(scope, finding.definition, message, finding.parameterName);
  }

  /**
   * The other functions of the consumer's stack (not of its nested stacks) with a layer source of this label, by path.
   * The stack's functions are read once, however many causes its findings have.
   */
  private functionsWithSource(consumer: ConsumerAnalysis, label: string): string[] {
    let bySource = this.functionsBySource.get(consumer.stack);
    if (!bySource) {
      bySource = new Map();
      for (const fn of consumer.stack.node.findAll()) {
        if (!CfnResource.isCfnResource(fn) || fn.cfnResourceType !== FUNCTION_TYPE || Stack.of(fn) !== consumer.stack) {
          continue;
        }
        for (const source of new Set(this.plan.currentSources(fn).map(s => s.label))) {
          const functions = bySource.get(source);
          if (functions) {
            functions.push(fn);
          } else {
            bySource.set(source, [fn]);
          }
        }
      }
      this.functionsBySource.set(consumer.stack, bySource);
    }
    return (bySource.get(label) ?? []).filter(fn => fn !== consumer.fn).map(fn => ownerScope(fn).node.path);
  }

  private report(scope: IConstruct, definition: FindingDefinition, message: string, parameterName?: string): void {
    this.host.report(scope, definition, message, this.options, parameterName);
  }
}

/** The identity of a function's layer sources, to see whether they changed. */
function sourcesKey(sources: ReadonlyArray<{ readonly kind: string; readonly label: string }>): string {
  return sources.map(s => `${s.kind} ${s.label}`).join('\n');
}
