import * as path from 'path';
import { App, CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ConsumerAnalysis } from '../analysis/analyze-consumer';
import { LayerAssetRecord, PreviousLayerAssets } from '../facts/layer-asset-record';
import { LayerSyncPlan, staleEntriesOf } from '../analysis/layer-sync-plan';
import { FindingDefinition } from '../findings/finding';
import { unwritableReason } from '../io/writable-file';
import { LayerProducer } from '../producers/layer-producer';
import { LayerRegistry } from '../registry/layer-registry';
import { LayerRegistryEntry } from '../registry/layer-registry-entry';
import { StaleEntry } from '../registry/stale-entries';
import { previousLayerAssets } from '../report/read-report';
import { completeApp } from './app-completion';
import { FindingRecorder, RecordedFinding } from './finding-recorder';
import { ResolvedOptions } from './resolved-options';
import { RunHost, ScopeRun } from './scope-run';
import { SessionView } from './session-view';
import { writeOutputsOnSynthesis } from './synthesis-outputs';

const SESSIONS = new WeakMap<IConstruct, SyncSession>();

/**
 * Everything every `LayerDependencyAspect` did in one construct tree: the App's and each Stage's synthesis (a Stage
 * is synthesized on its own, often long before the App, by CDK Pipelines' `addStage()`). It writes the report when
 * the root synthesizes, and runs the App's own checks after every aspect of the App's synthesis.
 */
export class SyncSession implements RunHost, SessionView {
  /** The session of a tree, made on first use: it registers its checks and its outputs on the root. */
  public static of(node: IConstruct): SyncSession {
    const root = node.node.root;
    let session = SESSIONS.get(root);
    if (!session) {
      session = new SyncSession(root);
      SESSIONS.set(root, session);
    }
    return session;
  }

  public readonly previousLayerAssets: PreviousLayerAssets;
  private readonly runs = new Map<object, Map<IConstruct, ScopeRun>>();
  private readonly recorder = new FindingRecorder();
  private readonly analyses = new Map<CfnResource, ConsumerAnalysis>();
  /** Every function some aspect of the tree visited: the others, inside Stages, are reported as not covered. */
  private readonly covered = new WeakSet<CfnResource>();
  private readonly printed = new Set<string>();
  /** Each registry's stale entries, checked once however many runs use it (each check fingerprints directories). */
  private readonly staleByRegistry = new Map<LayerRegistry | undefined, Map<LayerRegistryEntry, StaleEntry>>();

  private constructor(public readonly root: IConstruct) {
    this.previousLayerAssets = previousLayerAssets(App.isApp(root) ? root.outdir : undefined);
    writeOutputsOnSynthesis(root, this);
    root.node.addValidation({
      validate: () => {
        for (const run of this.allRuns.filter(r => r.scope === root)) {
          run.complete();
        }
        // Checked before anything is written, so that a lock file that cannot be written is a validation error that
        // names it, not an exception in the middle of synthesis.
        return [...completeApp(this), ...unwritableOutputs(this.allRuns.map(r => r.options.registryOutput))];
      },
    });
  }

  /** The run of one aspect in the synthesis of `scope`, made on first use (a Stage's run completes in its own validation). */
  public runOf(aspect: object, scope: IConstruct, options: ResolvedOptions): ScopeRun {
    let byScope = this.runs.get(aspect);
    if (!byScope) {
      byScope = new Map();
      this.runs.set(aspect, byScope);
    }
    let run = byScope.get(scope);
    if (!run) {
      const created = new ScopeRun(scope, () => this.newPlan(options), options, this);
      byScope.set(scope, created);
      run = created;
      if (scope !== this.root) {
        scope.node.addValidation({ validate: () => (created.complete(), []) });
      }
    }
    return run;
  }

  /** Every run so far, in the order they began. */
  public get allRuns(): ScopeRun[] {
    return [...this.runs.values()].flatMap(byScope => [...byScope.values()]);
  }

  /** The options of every run so far, in the order they began. */
  public get runOptions(): ResolvedOptions[] {
    return this.allRuns.map(run => run.options);
  }

  /** The options App-wide checks use: those of the aspect on the root, else of the first aspect that ran. */
  public get appOptions(): ResolvedOptions {
    const runs = this.allRuns;
    return (runs.find(r => r.scope === this.root) ?? runs[0]).options;
  }

  public report(scope: IConstruct, definition: FindingDefinition, message: string, options: ResolvedOptions, parameterName?: string): void {
    this.recorder.report(scope, definition, options.levelOf(definition), message, parameterName);
  }

  public applied(consumer: ConsumerAnalysis): void {
    this.analyses.set(consumer.fn, consumer);
    this.covered.add(consumer.fn);
  }

  /** Print a line to stderr, once per tree however often it is synthesized: what no top-level stack can show. */
  public printOnce(line: string): void {
    if (!this.printed.has(line)) {
      this.printed.add(line);
      process.stderr.write(`${line}\n`);
    }
  }

  /** True when an aspect of the tree visited the function. */
  public isCovered(fn: CfnResource): boolean {
    return this.covered.has(fn);
  }

  /** Every finding reported in the tree. */
  public get findings(): RecordedFinding[] {
    return this.recorder.all;
  }

  /** The latest analysis of every function an aspect handled. */
  public get consumers(): ConsumerAnalysis[] {
    return [...this.analyses.values()];
  }

  /** The producers every run discovered, once each (by SSM parameter). */
  public get producers(): LayerProducer[] {
    const byParameter = new Map<IConstruct, LayerProducer>();
    for (const run of this.allRuns) {
      for (const producer of run.planIfMade?.producers ?? []) {
        byParameter.set(producer.parameter, producer);
      }
    }
    return [...byParameter.values()];
  }

  /** A new analysis of the whole tree as it stands now, with the registry of the App-wide checks' options. */
  public planOfWholeTree(): LayerSyncPlan {
    return this.newPlan(this.appOptions);
  }

  /** An analysis of the whole tree as it stands now, with one aspect's registry (its staleness checked once). */
  private newPlan(options: ResolvedOptions): LayerSyncPlan {
    return new LayerSyncPlan(this.root, options.registry, this.staleEntriesOf(options.registry), options.registryOutput);
  }

  /** Stale registry entries of every run's registry. */
  public get staleEntries(): Map<LayerRegistryEntry, StaleEntry> {
    return new Map(this.allRuns.flatMap(run => [...this.staleEntriesOf(run.options.registry)]));
  }

  private staleEntriesOf(registry: LayerRegistry | undefined): Map<LayerRegistryEntry, StaleEntry> {
    let stale = this.staleByRegistry.get(registry);
    if (!stale) {
      stale = staleEntriesOf(registry);
      this.staleByRegistry.set(registry, stale);
    }
    return stale;
  }

  /** Layer assets with their fingerprints, by layer path, of every run that looked at them. */
  public get layerAssets(): LayerAssetRecord[] {
    const byLayer = new Map<string, LayerAssetRecord>();
    for (const run of this.allRuns) {
      for (const record of run.layerAssets) {
        byLayer.set(record.layer, record);
      }
    }
    return [...byLayer.values()];
  }
}

/** A validation error for each `registryOutput` that cannot be written, naming the file and why. */
function unwritableOutputs(files: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(files.filter((f): f is string => f !== undefined))].flatMap(file => {
    const reason = unwritableReason(file);
    return reason ? [`LayerDependencyAspectProps.registryOutput: cannot write the lock file '${path.resolve(file)}': ${reason}. `
      + 'Fix: point registryOutput at a writable path, or leave it out.'] : [];
  });
}
