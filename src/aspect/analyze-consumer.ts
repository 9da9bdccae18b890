import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { detectLayerSources } from '../detect/detect-layer-sources';
import { LayerSource, LayerSourceKind } from '../detect/layer-source';
import { exportedLayerArnMessage, EXPORTED_LAYER_ARN } from '../findings/exported-layer-arn';
import { FindingDefinition } from '../findings/finding';
import { unhashedConsumerMessage, UNHASHED_CONSUMER } from '../findings/unhashed-consumer';
import { unresolvableLayerReferenceMessage, UNRESOLVABLE_LAYER_REFERENCE } from '../findings/unresolvable-layer-reference';
import { LayerProducer } from '../producers/layer-producer';

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
}

/** A finding waiting to be reported at the level the props give. */
export interface PendingFinding {
  readonly definition: FindingDefinition;
  readonly message: string;
}

/** Everything the aspect knows about one consumer function. */
export interface ConsumerAnalysis {
  readonly fn: CfnResource;
  readonly stack: Stack;
  readonly sources: readonly LayerSource[];
  readonly tracked: readonly TrackedLayer[];
  readonly findings: readonly PendingFinding[];
}

/** A fingerprint found for a layer source, or why none could be. */
export type FingerprintResolution =
  | { readonly fingerprint: string; readonly origin: FingerprintOrigin; readonly producer?: LayerProducer; readonly layer?: CfnResource }
  | { readonly missing: string; readonly unresolvable?: boolean };

/** Where analysis looks fingerprints up: the registry, then producers discovered in the app. */
export interface FingerprintSource {
  forParameter(parameterName: string, consumer: Stack): FingerprintResolution;
  forResource(target: CfnResource): FingerprintResolution;
}

/**
 * Classify a function's layers and find a fingerprint for each one that comes from a shared layer.
 * Pure over the construct tree: reports and rewrites nothing.
 */
export function analyzeConsumer(fn: CfnResource, fingerprints: FingerprintSource): ConsumerAnalysis {
  const stack = Stack.of(fn);
  const sources = detectLayerSources(fn);
  const tracked: TrackedLayer[] = [];
  const findings: PendingFinding[] = [];
  const path = functionPath(fn);
  for (const source of sources) {
    const resolution = resolveSource(source, stack, fingerprints);
    if (resolution === undefined) {
      continue;
    }
    if ('fingerprint' in resolution) {
      tracked.push({ source, ...resolution });
    } else if (resolution.unresolvable) {
      findings.push({
        definition: UNRESOLVABLE_LAYER_REFERENCE,
        message: unresolvableLayerReferenceMessage(path, source.label, resolution.missing),
      });
    } else if (source.kind === LayerSourceKind.STRONG_REFERENCE || source.kind === LayerSourceKind.IMPORT_VALUE) {
      findings.push({ definition: EXPORTED_LAYER_ARN, message: exportedLayerArnMessage(path, source.label) });
    } else {
      findings.push({ definition: UNHASHED_CONSUMER, message: unhashedConsumerMessage(path, source.label, resolution.missing) });
    }
  }
  return { fn, stack, sources, tracked, findings };
}

/** undefined: nothing to do for this source (CloudFormation already tracks it). */
function resolveSource(source: LayerSource, consumer: Stack, fingerprints: FingerprintSource): FingerprintResolution | undefined {
  switch (source.kind) {
    case LayerSourceKind.LOCAL:
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

/** The construct users know a function by: the L2 whose default child the resource is, else the resource. */
export function functionScope(fn: CfnResource): IConstruct {
  const parent = fn.node.scope;
  return parent && parent.node.defaultChild === fn ? parent : fn;
}

function functionPath(fn: CfnResource): string {
  return functionScope(fn).node.path;
}
