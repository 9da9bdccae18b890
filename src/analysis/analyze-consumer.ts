import { CfnResource, FeatureFlags, Stack } from 'aws-cdk-lib';
import { detectLayerSources } from '../detect/detect-layer-sources';
import { LayerSource, LayerSourceKind } from '../detect/layer-source';
import { SsmContextLookup } from '../detect/ssm-context-lookup';
import { cachedLayerLookupMessage, CACHED_LAYER_LOOKUP } from '../findings/cached-layer-lookup';
import { exportedLayerArnMessage, EXPORTED_LAYER_ARN } from '../findings/exported-layer-arn';
import { FindingDefinition } from '../findings/finding';
import { ownerScope } from '../cfn/owner-scope';
import { registryDisagreesMessage, staleRegistryEntryMessage, STALE_REGISTRY_ENTRY } from '../findings/stale-registry-entry';
import { unhashedConsumerMessage, UNHASHED_CONSUMER } from '../findings/unhashed-consumer';
import { unresolvableLayerReferenceMessage, UNRESOLVABLE_LAYER_REFERENCE } from '../findings/unresolvable-layer-reference';
import { LayerProducer, publishingResource } from '../producers/layer-producer';
import { LayerStatus } from '../report/layer-status';
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
}

/** One layer of a function with what the aspect made of it. */
export interface AnalyzedLayer {
  readonly source: LayerSource;
  readonly status: LayerStatus;
  readonly tracked?: TrackedLayer;
  /**
   * The fingerprint of a layer version of the app passed by strong reference (Export/Import): not written into the
   * function, which cannot follow it, but what `diff` compares to tell when that layer changes.
   */
  readonly exportedFingerprint?: string;
}

/** A finding waiting to be reported at the level the props give. */
export interface PendingFinding {
  readonly definition: FindingDefinition;
  readonly message: string;
  /** The SSM parameter the finding is about, when it is about one (cdk-nag's granular ids name it). */
  readonly parameterName?: string;
  /**
   * The layer source it is about, as the report labels it (`SSM parameter '/x'`): functions of one stack with a
   * finding of one cause read as one finding (`sameCauseMessage`).
   */
  readonly cause?: string;
}

/** The status of a layer nothing needs to follow, by source kind; any other such source is a pinned SSM version. */
const UNTRACKED_STATUS: Partial<Record<LayerSourceKind, LayerStatus>> = {
  [LayerSourceKind.LOCAL]: LayerStatus.LOCAL,
  [LayerSourceKind.LITERAL_ARN]: LayerStatus.LITERAL_ARN,
};

/** Everything the aspect knows about one consumer function. */
export interface ConsumerAnalysis {
  readonly fn: CfnResource;
  readonly stack: Stack;
  readonly layers: readonly AnalyzedLayer[];
  readonly tracked: readonly TrackedLayer[];
  readonly findings: readonly PendingFinding[];
}

/** A fingerprint found for a layer source, or why none could be. */
export type FingerprintResolution =
  | {
    readonly fingerprint: string; readonly origin: FingerprintOrigin;
    readonly producer?: LayerProducer; readonly layer?: CfnResource; readonly stale?: StaleEntry;
    readonly alternatives?: readonly CfnResource[];
    /** The fingerprint of a registry entry the app's own producer overrode, when the two differ. */
    readonly overriddenRegistryFingerprint?: string;
  }
  | { readonly missing: string; readonly unresolvable?: boolean };

/** Where analysis looks fingerprints up: the registry, then producers discovered in the app. */
export interface FingerprintSource {
  /** The lock file the registry came from, for messages. */
  readonly registryFile?: string;
  forParameter(parameterName: string, consumer: Stack): FingerprintResolution;
  forResource(target: CfnResource): FingerprintResolution;
}

/**
 * Classify a function's layers and find a fingerprint for each one that comes from a shared layer.
 * Pure over the construct tree: reports and rewrites nothing.
 */
export function analyzeConsumer(
  fn: CfnResource, fingerprints: FingerprintSource, ssmLookups?: ReadonlyMap<string, readonly SsmContextLookup[]>,
): ConsumerAnalysis {
  const stack = Stack.of(fn);
  const path = ownerScope(fn).node.path;
  const layers: AnalyzedLayer[] = [];
  const findings: PendingFinding[] = [];
  for (const source of detectLayerSources(fn, ssmLookups)) {
    const resolution = resolveSource(source, stack, fingerprints);
    if (source.kind === LayerSourceKind.CACHED_LOOKUP) {
      layers.push({ source, status: LayerStatus.CACHED_LOOKUP });
      findings.push({
        definition: CACHED_LAYER_LOOKUP,
        message: cachedLayerLookupMessage(path, source.parameterName!, source.contextKey!),
        parameterName: source.parameterName,
        cause: source.label,
      });
    } else if (resolution === undefined) {
      layers.push({ source, status: UNTRACKED_STATUS[source.kind] ?? LayerStatus.PINNED });
    } else if ('fingerprint' in resolution) {
      const tracked: TrackedLayer = { source, ...resolution };
      layers.push({ source, status: resolution.stale ? LayerStatus.STALE : LayerStatus.TRACKED, tracked });
      if (resolution.stale) {
        findings.push({
          definition: STALE_REGISTRY_ENTRY,
          message: staleRegistryEntryMessage(path, resolution.stale, fingerprints.registryFile),
          parameterName: source.parameterName,
        });
      }
      if (resolution.overriddenRegistryFingerprint && resolution.producer) {
        findings.push({
          definition: STALE_REGISTRY_ENTRY,
          message: registryDisagreesMessage(path, resolution.producer.parameterName, resolution.overriddenRegistryFingerprint,
            ownerScope(publishingResource(resolution.producer)).node.path, resolution.fingerprint, fingerprints.registryFile),
          parameterName: source.parameterName,
        });
      }
    } else if (resolution.unresolvable) {
      layers.push({ source, status: LayerStatus.UNRESOLVABLE });
      findings.push({
        definition: UNRESOLVABLE_LAYER_REFERENCE,
        message: unresolvableLayerReferenceMessage(path, source.label, resolution.missing),
        parameterName: source.parameterName,
        cause: source.label,
      });
    } else if (source.kind === LayerSourceKind.STRONG_REFERENCE || source.kind === LayerSourceKind.IMPORT_VALUE) {
      const exported = source.target ? fingerprints.forResource(source.target) : undefined;
      layers.push({ source, status: LayerStatus.EXPORTED, exportedFingerprint: exported && 'fingerprint' in exported ? exported.fingerprint : undefined });
      findings.push({ definition: EXPORTED_LAYER_ARN, message: exportedLayerArnMessage(path, source.label), cause: source.label });
    } else {
      layers.push({ source, status: LayerStatus.UNHASHED });
      findings.push({
        definition: UNHASHED_CONSUMER,
        message: unhashedConsumerMessage(path, source.label, resolution.missing, source.fix),
        parameterName: source.parameterName,
        cause: source.label,
      });
    }
  }
  const tracked = layers.flatMap(l => (l.tracked ? [l.tracked] : []));
  return { fn, stack, layers, tracked, findings };
}

/** The stack that publishes a tracked layer in this app: its SSM parameter's, else the layer's own; none for registry entries. */
export function producerStackOf(tracked: TrackedLayer): Stack | undefined {
  if (tracked.producer) {
    return tracked.producer.parameter.stack;
  }
  return tracked.layer ? Stack.of(tracked.layer) : undefined;
}

/** undefined: nothing to do for this source (CloudFormation already tracks it). */
function resolveSource(source: LayerSource, consumer: Stack, fingerprints: FingerprintSource): FingerprintResolution | undefined {
  switch (source.kind) {
    case LayerSourceKind.LOCAL:
      // CloudFormation updates the function when a layer of its own stack changes; its version follows only when
      // CDK hashes the layer into the version (recognizeLayerVersion), and never for a parent stack's layer.
      return source.target && localLayerNeedsFingerprint(source, consumer) ? fingerprints.forResource(source.target) : undefined;
    case LayerSourceKind.CACHED_LOOKUP:
    case LayerSourceKind.LITERAL_ARN:
      return undefined;
    case LayerSourceKind.SSM_DYNAMIC_REFERENCE:
      // A pinned version is part of the template: CloudFormation sees the change when the pin moves.
      return source.parameterVersion ? undefined : fingerprints.forParameter(source.parameterName!, consumer);
    case LayerSourceKind.SSM_PARAMETER:
      return fingerprints.forParameter(source.parameterName!, consumer);
    case LayerSourceKind.WEAK_REFERENCE:
      return fingerprints.forResource(source.target!);
    case LayerSourceKind.STRONG_REFERENCE:
    case LayerSourceKind.IMPORT_VALUE:
      return { missing: 'the ARN is exported' };
    case LayerSourceKind.UNRESOLVABLE:
      return { missing: source.reason ?? 'unknown value', unresolvable: true };
    default:
      return { missing: source.reason ?? 'its producer is unknown' };
  }
}

/**
 * True when CloudFormation and CDK already move the function with this layer by themselves: a literal ARN, or a
 * layer version of the function's own stack that CDK hashes into the version. Every other layer needs the aspect.
 */
export function followsWithoutTheAspect(source: LayerSource, consumer: Stack): boolean {
  return source.kind === LayerSourceKind.LITERAL_ARN
    || (source.kind === LayerSourceKind.LOCAL && !(source.target && localLayerNeedsFingerprint(source, consumer)));
}

/**
 * True when a layer version of the consumer's own stack or of a parent stack does not move the function's version
 * by itself: a parent stack's (a nested stack's template sees only a parameter), or any, when the feature flag
 * `@aws-cdk/aws-lambda:recognizeLayerVersion` is off.
 */
function localLayerNeedsFingerprint(source: LayerSource, consumer: Stack): boolean {
  if (source.producerStack && source.producerStack !== consumer) {
    return true;
  }
  return !FeatureFlags.of(consumer).isEnabled(RECOGNIZE_LAYER_VERSION);
}

/** The feature flag under which `currentVersion` hashes the function's layer versions. */
const RECOGNIZE_LAYER_VERSION = '@aws-cdk/aws-lambda:recognizeLayerVersion';

/** The layer versions of the app a consumer uses: those it follows, and those it is passed by reference. */
export function layersUsed(consumer: ConsumerAnalysis): Set<CfnResource> {
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
