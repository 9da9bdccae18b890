import { CfnResource, FeatureFlags, Stack } from 'aws-cdk-lib';
import { detectLayerSources } from '../detect/detect-layer-sources';
import { LayerSource, LayerSourceKind } from '../detect/layer-source';
import { SsmContextLookup } from '../detect/ssm-context-lookup';
import { AnalyzedLayer, ConsumerFacts, FingerprintOrigin, TrackedLayer } from '../facts/consumer-facts';
import { LayerStatus } from '../facts/layer-status';
import { FINDINGS } from '../findings/catalog';
import { PendingFinding } from '../findings/finding';
import { LayerProducer } from '../producers/layer-producer';
import { StaleEntry } from '../registry/stale-entries';

/** The status of a layer nothing needs to follow, by source kind; any other such source is a pinned SSM version. */
const UNTRACKED_STATUS: Partial<Record<LayerSourceKind, LayerStatus>> = {
  [LayerSourceKind.LOCAL]: LayerStatus.LOCAL,
  [LayerSourceKind.LITERAL_ARN]: LayerStatus.LITERAL_ARN,
};

/** Everything the aspect knows about one consumer function: its facts, and the findings every check gave on them. */
export interface ConsumerAnalysis extends ConsumerFacts {
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
 * Classify a function's layers, find a fingerprint for each one that comes from a shared layer, then run every
 * finding's check of the catalogue on those facts. Pure over the construct tree: reports and rewrites nothing.
 */
export function analyzeConsumer(
  fn: CfnResource, fingerprints: FingerprintSource, ssmLookups?: ReadonlyMap<string, readonly SsmContextLookup[]>,
): ConsumerAnalysis {
  const stack = Stack.of(fn);
  const layers = detectLayerSources(fn, ssmLookups).map(source => analyzeLayer(source, resolveSource(source, stack, fingerprints), fingerprints));
  const facts: ConsumerFacts = {
    fn, stack, layers, tracked: layers.flatMap(l => (l.tracked ? [l.tracked] : [])), registryFile: fingerprints.registryFile,
  };
  return { ...facts, findings: consumerFindings(facts) };
}

/** Every finding the catalogue's checks give on one consumer: each layer's in the function's order, then the function's. */
export function consumerFindings(facts: ConsumerFacts): PendingFinding[] {
  const findings: PendingFinding[] = [];
  for (const layer of facts.layers) {
    for (const definition of FINDINGS) {
      findings.push(...definition.checkLayer?.(layer, facts) ?? []);
    }
  }
  for (const definition of FINDINGS) {
    findings.push(...definition.checkConsumer?.(facts) ?? []);
  }
  return findings;
}

/** What one layer source is, given how its fingerprint resolved. */
function analyzeLayer(source: LayerSource, resolution: FingerprintResolution | undefined, fingerprints: FingerprintSource): AnalyzedLayer {
  if (source.kind === LayerSourceKind.CACHED_LOOKUP) {
    return { source, status: LayerStatus.CACHED_LOOKUP };
  }
  if (resolution === undefined) {
    return { source, status: UNTRACKED_STATUS[source.kind] ?? LayerStatus.PINNED };
  }
  if ('fingerprint' in resolution) {
    const tracked: TrackedLayer = { source, ...resolution };
    return { source, status: resolution.stale ? LayerStatus.STALE : LayerStatus.TRACKED, tracked };
  }
  if (resolution.unresolvable) {
    return { source, status: LayerStatus.UNRESOLVABLE, reason: resolution.missing };
  }
  if (source.kind === LayerSourceKind.STRONG_REFERENCE || source.kind === LayerSourceKind.IMPORT_VALUE) {
    const exported = source.target ? fingerprints.forResource(source.target) : undefined;
    return { source, status: LayerStatus.EXPORTED, exportedFingerprint: exported && 'fingerprint' in exported ? exported.fingerprint : undefined };
  }
  return { source, status: LayerStatus.UNHASHED, reason: resolution.missing, fix: source.fix };
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
