import { CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ConsumerAnalysis } from '../analysis/analyze-consumer';
import { LayerAssetRecord } from '../facts/layer-asset-record';
import { LayerSyncPlan } from '../analysis/layer-sync-plan';
import { FindingDefinition } from '../findings/finding';
import { LayerProducer } from '../producers/layer-producer';
import { LayerRegistryEntry } from '../registry/layer-registry-entry';
import { StaleEntry } from '../registry/stale-entries';
import { RecordedFinding } from './finding-recorder';
import { ResolvedOptions } from './resolved-options';

/**
 * What the App's checks (`app-completion.ts`) and the outputs (`synthesis-outputs.ts`) read of a tree's session:
 * they depend on this view, and the session (`sync-session.ts`) on them, so that no two files import each other.
 */
export interface SessionView {
  /** The root of the tree. */
  readonly root: IConstruct;
  /** The options App-wide checks use. */
  readonly appOptions: ResolvedOptions;
  /** The options of every aspect run so far, in the order they began. */
  readonly runOptions: ResolvedOptions[];
  /** The latest analysis of every function an aspect handled. */
  readonly consumers: ConsumerAnalysis[];
  /** The producers every run discovered, once each. */
  readonly producers: LayerProducer[];
  /** Every finding reported in the tree. */
  readonly findings: RecordedFinding[];
  /** Stale registry entries of every run's registry. */
  readonly staleEntries: Map<LayerRegistryEntry, StaleEntry>;
  /** Layer assets with their fingerprints. */
  readonly layerAssets: LayerAssetRecord[];
  /** True when an aspect of the tree visited the function. */
  isCovered(fn: CfnResource): boolean;
  /** Print a line to stderr, once per tree. */
  printOnce(line: string): void;
  /** A new analysis of the whole tree as it stands now. */
  planOfWholeTree(): LayerSyncPlan;
  /** Report a finding at the level `options` give it; `parameterName` is the SSM parameter it is about, if any. */
  report(scope: IConstruct, definition: FindingDefinition, message: string, options: ResolvedOptions, parameterName?: string): void;
}
