import { compareText } from '../io/compare-text';
import { environmentsOverlap } from '../registry/environment-match';
import { LayerDependencyReport, ReportConsumer, ReportProducer } from '../report/report-shape';

/** A layer (an SSM parameter in one environment) whose fingerprint differs between two syntheses. */
export interface LayerChange {
  readonly change: 'changed' | 'added' | 'removed';
  readonly parameterName: string;
  readonly account?: string;
  readonly region?: string;
  /** The producing layer's construct path, when known. */
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
  readonly parameterName: string;
  readonly status: string;
  /** The finding that explains it; absent for a pinned parameter version (the pin is deliberate). */
  readonly finding?: string;
}

/** What a layer change does to the functions of one or more apps. */
export interface LayerDiff {
  readonly changedLayers: LayerChange[];
  readonly moved: MovedConsumer[];
  readonly notFollowing: NotFollowingConsumer[];
}

const SHORT = 12;
const FOLLOWED = new Set(['tracked']);
const CLOUDFORMATION_TRACKED = new Set(['local']);

function producerKey(p: { parameterName: string; account?: string; region?: string }): string {
  return `${p.parameterName}\u0000${p.account ?? ''}\u0000${p.region ?? ''}`;
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

function consumersByFunction(reports: readonly LayerDependencyReport[]): Map<string, ReportConsumer> {
  return new Map(reports.flatMap(r => r.consumers).map(c => [c.function, c]));
}

/**
 * Compare the reports of two syntheses (each of one or more apps): the layers whose fingerprint changed, every
 * consumer that moves because of it, and every consumer of a changed layer that will not move.
 */
export function diffReports(before: readonly LayerDependencyReport[], after: readonly LayerDependencyReport[]): LayerDiff {
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
      change: !a ? 'added' : !b ? 'removed' : 'changed',
      parameterName: p.parameterName, account: p.account, region: p.region, producer: p.producer, before: shortA, after: shortB,
    });
  }
  changedLayers.sort((x, y) => compareText(producerKey(x), producerKey(y)));

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
      const affected = layer.parameterName !== undefined && !FOLLOWED.has(layer.status) && !CLOUDFORMATION_TRACKED.has(layer.status)
        && changedLayers.some(c => c.change !== 'removed' && c.parameterName === layer.parameterName && environmentsOverlap(consumer, c));
      if (affected) {
        notFollowing.push({
          stack: consumer.stack, function: consumer.function, parameterName: layer.parameterName!, status: layer.status, finding: layer.finding,
        });
      }
    }
  }
  moved.sort((x, y) => compareText(`${x.function} ${x.layer}`, `${y.function} ${y.layer}`));
  notFollowing.sort((x, y) => compareText(`${x.function} ${x.parameterName}`, `${y.function} ${y.parameterName}`));
  return { changedLayers, moved, notFollowing };
}
