import { compareText } from '../io/compare-text';
import { environmentsOverlap } from '../registry/environment-match';
import { LayerDependencyReport, ReportConsumer, ReportFinding, ReportLayer, ReportProducer } from '../report/report-shape';
import { findingsBeyondLayers } from '../report/standing-findings';
import { acknowledgementsOf } from '../report/acknowledged-findings';
import { LayerStatus, NOT_FOLLOWING, TRACKED_BY_CLOUDFORMATION } from '../facts/layer-status';

/**
 * A layer whose fingerprint differs between two syntheses: an SSM parameter in one environment, or a layer its
 * consumers reach by weak references (`Fn::GetStackOutput`), known by its construct path.
 */
export interface LayerChange {
  readonly change: 'changed' | 'added' | 'removed';
  /** How consumers reach it. */
  readonly via: 'ssm-parameter' | 'weak-reference' | 'strong-reference';
  /** The SSM parameter; absent for a weak or strong reference. */
  readonly parameterName?: string;
  readonly account?: string;
  readonly region?: string;
  /** The producing layer's construct path, when known (always, for a weak reference). */
  readonly producer?: string;
  /** Short fingerprints before and after; absent where the layer did not exist. */
  readonly before?: string;
  readonly after?: string;
}

/** A function that the change updates: its configuration, its version and its aliases move. */
export interface MovedConsumer {
  readonly stack: string;
  readonly function: string;
  /** The layer that moves it: the SSM parameter, or the source of a weak reference. */
  readonly layer: string;
  readonly before?: string;
  readonly after: string;
  readonly versions: string[];
  readonly aliases: string[];
}

/** A consumer of a changed layer that will not move with it, and the finding that says why. */
export interface NotFollowingConsumer {
  readonly stack: string;
  readonly function: string;
  /** The SSM parameter it reads the layer from, or, for a layer passed by strong reference, the layer's path. */
  readonly parameterName: string;
  readonly status: string;
  /** The finding that explains it; absent for a pinned parameter version (the pin is deliberate). */
  readonly finding?: string;
  /** True when the app acknowledged that finding on the function (absent otherwise). */
  readonly acknowledged?: boolean;
}

/** What a layer change does to the functions of one or more apps. */
export interface LayerDiff {
  readonly changedLayers: LayerChange[];
  readonly moved: MovedConsumer[];
  readonly notFollowing: NotFollowingConsumer[];
  /**
   * The findings of the `after` synthesis that no consumer's layer shows (a Stage not covered, a pipeline's order, a
   * check that could not run), as `check` lists them.
   */
  readonly findings: ReportFinding[];
  /**
   * The `before` assemblies synthesized without cdk-layer-sync (no report), compared by their templates: the first
   * pull request that adds the line. Every followed function moves once; every one it cannot follow is listed.
   */
  readonly withoutReport?: string[];
}

/** How to compare. */
export interface DiffOptions {
  /** The `before` assemblies that had no report (`reportFromTemplates` read their templates). */
  readonly withoutReport?: readonly string[];
}

const SHORT = 12;
const FOLLOWED: ReadonlySet<LayerStatus> = new Set([LayerStatus.TRACKED]);

function producerKey(p: { parameterName: string; account?: string; region?: string; condition?: string; producer?: string }): string {
  if (p.condition !== undefined) {
    // Parameters of one name under conditions are several producers: each is a layer of its own.
    return `${p.parameterName}\u0000${p.account ?? ''}\u0000${p.region ?? ''}\u0000${p.producer ?? ''}`;
  }
  return `${p.parameterName}\u0000${p.account ?? ''}\u0000${p.region ?? ''}`;
}

/** SSM parameters first, by parameter and environment; then weak references, by producing layer. */
function changeKey(c: LayerChange): string {
  return c.parameterName !== undefined ? `0${producerKey({ ...c, parameterName: c.parameterName })}` : `1${c.via} ${c.producer ?? ''}`;
}

/** Every producer with a fingerprint, by (parameter, account, region); the app's own layers win over registry entries. */
function producersByKey(reports: readonly LayerDependencyReport[]): Map<string, ReportProducer> {
  const byKey = new Map<string, ReportProducer>();
  for (const producer of reports.flatMap(r => r.producers)) {
    const key = producerKey(producer);
    const existing = byKey.get(key);
    if (producer.fingerprint && (!existing || (existing.origin === 'registry' && producer.origin === 'discovered'))) {
      byKey.set(key, producer);
    }
  }
  return byKey;
}

/**
 * Layers of the app that consumers reach by reference, by producing layer (and the cloud assembly holding it), with
 * the short fingerprint `fingerprintOf` reads from a consumer's layer (none: not such a layer). The report lists no
 * producer for them: the consumers name it.
 */
function referencedLayers(
  reports: readonly LayerDependencyReport[], fingerprintOf: (layer: ReportLayer) => string | undefined,
): Map<string, ReferencedLayer> {
  const byProducer = new Map<string, ReferencedLayer>();
  for (const consumer of reports.flatMap(r => r.consumers)) {
    for (const layer of consumer.layers) {
      const fingerprint = fingerprintOf(layer);
      if (layer.producer && fingerprint) {
        byProducer.set(`${consumer.assembly ?? ''}\u0000${layer.producer}`, { producer: layer.producer, fingerprint });
      }
    }
  }
  return byProducer;
}

/** Weak references (`Fn::GetStackOutput`): followed, with the fingerprint their consumers carry. */
const weakReference = (layer: ReportLayer) =>
  (layer.kind === 'weak-reference' && FOLLOWED.has(layer.status) ? layer.fingerprint : undefined);
/** Strong references (Export/Import): never followed, with the layer's own fingerprint. */
const strongReference = (layer: ReportLayer) => (layer.status === LayerStatus.EXPORTED ? layer.layerFingerprint : undefined);

interface ReferencedLayer {
  readonly producer: string;
  readonly fingerprint: string;
}

function change(before: unknown, after: unknown): LayerChange['change'] {
  return !before ? 'added' : !after ? 'removed' : 'changed';
}

function consumersByFunction(reports: readonly LayerDependencyReport[]): Map<string, ReportConsumer> {
  return new Map(reports.flatMap(r => r.consumers).map(c => [c.function, c]));
}

/**
 * Compare the reports of two syntheses (each of one or more apps): the layers whose fingerprint changed, every
 * consumer that moves because of it, and every consumer of a changed layer that will not move.
 */
export function diffReports(before: readonly LayerDependencyReport[], after: readonly LayerDependencyReport[], options: DiffOptions = {}): LayerDiff {
  const firstAdoption = (options.withoutReport ?? []).length > 0;
  const old = producersByKey(before);
  const now = producersByKey(after);
  const changedLayers: LayerChange[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(key);
    const b = now.get(key);
    const shortA = a?.fingerprint?.slice(0, SHORT);
    const shortB = b?.fingerprint?.slice(0, SHORT);
    if (shortA === shortB) {
      continue;
    }
    const p = (b ?? a)!;
    changedLayers.push({
      change: change(a, b), via: 'ssm-parameter',
      parameterName: p.parameterName, account: p.account, region: p.region, producer: p.producer, before: shortA, after: shortB,
    });
  }
  // A layer behind a parameter that some consumers also reach by weak references is listed once, by its parameter.
  const behindParameters = new Set([...old.values(), ...now.values()].map(p => `${p.assembly ?? ''}\u0000${p.producer ?? ''}`));
  // A layer reached by references is listed once, by its parameter, when it has one; its consumers by strong reference
  // are listed against it as not following.
  // Adding the line (a `before` without a report) changes no layer: nothing to compare by reference.
  const references = firstAdoption ? [] : [['weak-reference', weakReference], ['strong-reference', strongReference]] as const;
  for (const [via, fingerprintOf] of references) {
    const old = referencedLayers(before, fingerprintOf);
    const now = referencedLayers(after, fingerprintOf);
    for (const key of new Set([...old.keys(), ...now.keys()])) {
      const a = old.get(key);
      const b = now.get(key);
      if (a?.fingerprint !== b?.fingerprint && !behindParameters.has(key)) {
        changedLayers.push({ change: change(a, b), via, producer: (b ?? a)!.producer, before: a?.fingerprint, after: b?.fingerprint });
      }
    }
  }
  changedLayers.sort((x, y) => compareText(changeKey(x), changeKey(y)));

  const isAcknowledged = acknowledgementsOf(after);
  const acknowledgedOf = (id: string | undefined, fn: string) => (isAcknowledged(id, fn) ? { acknowledged: true } : {});
  const previous = consumersByFunction(before);
  const moved: MovedConsumer[] = [];
  const notFollowing: NotFollowingConsumer[] = [];
  for (const consumer of consumersByFunction(after).values()) {
    for (const layer of consumer.layers) {
      const earlier = previous.get(consumer.function)?.layers.find(l => l.index === layer.index);
      if (FOLLOWED.has(layer.status) && layer.fingerprint && layer.fingerprint !== earlier?.fingerprint) {
        moved.push({
          stack: consumer.stack, function: consumer.function, layer: layer.parameterName ?? layer.source,
          before: earlier?.fingerprint, after: layer.fingerprint, versions: consumer.versions ?? [], aliases: consumer.aliases ?? [],
        });
        continue;
      }
      const strong = layer.status === LayerStatus.EXPORTED && layer.producer !== undefined
        && changedLayers.some(c => c.change === 'changed' && c.producer === layer.producer);
      if (strong) {
        // The export is locked: the producer's deploy fails, and the consumer keeps the old layer.
        notFollowing.push({
          stack: consumer.stack, function: consumer.function, parameterName: layer.producer!, status: layer.status, finding: layer.finding,
          ...acknowledgedOf(layer.finding, consumer.function),
        });
        continue;
      }
      const affected = layer.parameterName !== undefined && !FOLLOWED.has(layer.status) && !TRACKED_BY_CLOUDFORMATION.has(layer.status)
        && changedLayers.some(c => c.change !== 'removed' && c.parameterName === layer.parameterName && environmentsOverlap(consumer, c));
      // Adding the line: every consumer it cannot follow is one the pull request should name, whatever changed.
      const notFollowedAtAll = firstAdoption && NOT_FOLLOWING.has(layer.status);
      if (affected || notFollowedAtAll) {
        notFollowing.push({
          stack: consumer.stack, function: consumer.function, parameterName: layer.parameterName ?? layer.producer ?? layer.source,
          status: layer.status, finding: layer.finding,
          ...acknowledgedOf(layer.finding, consumer.function),
        });
      }
    }
  }
  moved.sort((x, y) => compareText(`${x.function} ${x.layer}`, `${y.function} ${y.layer}`));
  notFollowing.sort((x, y) => compareText(`${x.function} ${x.parameterName}`, `${y.function} ${y.parameterName}`));
  const findings = after.flatMap(findingsBeyondLayers).sort((x, y) => compareText(`${x.path} ${x.id}`, `${y.path} ${y.id}`));
  return { changedLayers, moved, notFollowing, findings, ...(firstAdoption ? { withoutReport: [...options.withoutReport!] } : {}) };
}
