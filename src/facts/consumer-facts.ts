import { CfnResource, Stack } from 'aws-cdk-lib';
import { DependencyOutcome, plannedOrder } from '../dependencies/stack-dependencies';
import { LayerSource } from '../detect/layer-source';
import { LayerStatus } from './layer-status';
import { LayerProducer } from '../producers/layer-producer';
import { StaleEntry } from '../registry/stale-entries';

/** Where a tracked layer's fingerprint came from. */
export enum FingerprintOrigin {
  /** An entry of the user's `LayerRegistry`. */
  REGISTRY = 'registry',
  /** A producer (SSM parameter + LayerVersion) discovered in the app. */
  DISCOVERED = 'discovered',
  /** The LayerVersion a weak cross-stack reference points at. */
  REFERENCE = 'reference',
}

/** A layer source the aspect can follow. */
export interface TrackedLayer {
  readonly source: LayerSource;
  readonly fingerprint: string;
  readonly origin: FingerprintOrigin;
  /** The discovered producer, when there is one. */
  readonly producer?: LayerProducer;
  /** The producing layer version of the app, when known. */
  readonly layer?: CfnResource;
  /** Every layer version a CloudFormation condition can pick, when one does (`LayerProducer.alternatives`). */
  readonly alternatives?: readonly CfnResource[];
  /** Set when the registry entry it came from is stale. */
  readonly stale?: StaleEntry;
  /** The fingerprint of a registry entry the app's own producer overrode, when the two differ. */
  readonly overriddenRegistryFingerprint?: string;
}

/** One layer of a function with what the analysis made of it. */
export interface AnalyzedLayer {
  readonly source: LayerSource;
  readonly status: LayerStatus;
  readonly tracked?: TrackedLayer;
  /**
   * The fingerprint of a layer version of the app passed by strong reference (Export/Import): not written into the
   * function, which cannot follow it, but what `diff` compares to tell when that layer changes.
   */
  readonly exportedFingerprint?: string;
  /** Why the layer cannot be followed (no producer known, a value that cannot be resolved), for the finding's message. */
  readonly reason?: string;
  /** What to change so the function can follow the layer, where registering its producer is not the answer. */
  readonly fix?: string;
}

/**
 * What is known of one consumer function: each of its layers with its status. Gathered by the analysis from the
 * construct tree; every finding's check reads it and nothing else.
 */
export interface ConsumerFacts {
  readonly fn: CfnResource;
  readonly stack: Stack;
  readonly layers: readonly AnalyzedLayer[];
  readonly tracked: readonly TrackedLayer[];
  /** The lock file the registry came from, for messages. */
  readonly registryFile?: string;
}

/** The stack that publishes a tracked layer in this app: its SSM parameter's, else the layer's own; none for registry entries. */
export function producerStackOf(tracked: TrackedLayer): Stack | undefined {
  if (tracked.producer) {
    return tracked.producer.parameter.stack;
  }
  return tracked.layer ? Stack.of(tracked.layer) : undefined;
}

/** The layer versions of the app a consumer uses: those it follows, and those it is passed by reference. */
export function layersUsed(consumer: ConsumerFacts): Set<CfnResource> {
  const used = new Set<CfnResource>();
  for (const layer of consumer.layers) {
    const resource = layer.tracked?.layer ?? layer.source.target;
    if (resource) {
      used.add(resource);
    }
    for (const alternative of layer.tracked?.alternatives ?? []) {
      used.add(alternative);
    }
  }
  return used;
}

/**
 * The SSM parameter producers a consumer follows whose stack its own stack would have to deploy after, each with what
 * adding that order would do (`plannedOrder`): already there, to add, or a cycle.
 */
export function producerOrders(consumer: ConsumerFacts): Array<{ producer: LayerProducer; outcome: DependencyOutcome }> {
  return consumer.tracked.flatMap(tracked => (tracked.producer
    ? [{ producer: tracked.producer, outcome: plannedOrder(consumer.stack, tracked.producer.parameter.stack) }] : []));
}
