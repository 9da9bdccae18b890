import { environmentLabel, environmentsOverlap } from '../registry/environment-match';
import { LayerRegistryEntry } from '../registry/layer-registry-entry';
import { LayerDependencyReport, ReportConsumer, ReportLayer, ReportProducer } from '../report/report-shape';
import { acknowledgementsOf } from '../report/acknowledged-findings';
import { findingsBeyondLayers } from '../report/standing-findings';
import { LayerStatus } from '../facts/layer-status';

/**
 * A box of the graph: a producing layer, a registry entry, a parameter nobody in sight produces, a function, or a
 * finding of an app that no layer shows (a Stage not covered, a pipeline's order, a check that could not run).
 */
export interface GraphNode {
  readonly id: string;
  readonly kind: 'producer' | 'registry' | 'unknown' | 'consumer' | 'finding';
  /** Lines of text: path, parameter, environment. */
  readonly label: string[];
  /** The subgraph it is drawn in: its app and Stage, `registry`, or `unknown producers`. */
  readonly group: string;
}

/** A layer of a function: from its producer to the function; `followed` false where the aspect cannot follow it. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly followed: boolean;
  /** The short fingerprint of a followed layer, or the finding (or status) of one that is not. */
  readonly label: string;
}

/** Producers, consumers and the layers between them, of one or more apps. */
export interface LayerGraph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  /** Lock file entries left out because no consumer of the apps reads their parameter (absent when none were). */
  readonly omittedLockEntries?: number;
}

/** One synthesized app: a name for it (its assembly directory) and its report. */
export interface GraphApp {
  readonly name: string;
  readonly report: LayerDependencyReport;
}

/** Registry entries of a lock file, drawn as producers of other apps. */
export interface GraphLockFile {
  readonly file: string;
  readonly entries: readonly LayerRegistryEntry[];
}

interface KnownProducer {
  readonly node: GraphNode;
  readonly producer: { parameterName: string; account?: string; region?: string; fingerprint?: string; producer?: string };
}

function groupOf(app: string, assembly: string | undefined): string {
  return assembly ? `${app} / ${assembly}` : app;
}

/** The short name of a finding id, as an edge label: `UnhashedConsumer`. */
function findingLabel(layer: ReportLayer): string {
  return layer.finding ? layer.finding.slice(layer.finding.indexOf(':') + 1) : layer.status;
}

/**
 * The graph of one or more apps (and lock files): a node per producing layer, registry entry and function, an
 * edge per layer of a function. A registry entry with the same parameter, environment and fingerprint as a layer
 * another app produces is drawn as that layer, so a layer app and the service apps reading its lock file meet
 * in one picture. A layer of the function's own stack is drawn with an edge labelled `same stack`, a literal ARN
 * with an edge from the ARN. With apps given, only the lock file entries whose parameter some consumer of theirs
 * reads are drawn, so the graph grows with what the apps use, not with the lock files.
 */
export function buildGraph(apps: readonly GraphApp[], lockFiles: readonly GraphLockFile[] = []): LayerGraph {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const node = (key: string, make: (id: string) => GraphNode): GraphNode => {
    let found = nodes.get(key);
    if (!found) {
      found = make(`n${nodes.size}`);
      nodes.set(key, found);
    }
    return found;
  };
  // By parameter name, so that finding a consumer's producer does not scan every producer.
  const producers = new Map<string, KnownProducer[]>();
  const addProducer = (p: ReportProducer | LayerRegistryEntry, group: string, registry: boolean) => {
    const key = `P\u0000${p.parameterName}\u0000${p.account ?? ''}\u0000${p.region ?? ''}\u0000${p.fingerprint ?? ''}`;
    if (nodes.has(key)) {
      return;
    }
    const made = node(key, id => ({
      id, kind: registry ? 'registry' : 'producer', group,
      label: [...(p.producer ? [p.producer] : []), p.parameterName, environmentLabel(p)],
    }));
    producers.set(p.parameterName, [...(producers.get(p.parameterName) ?? []), { node: made, producer: p }]);
  };
  // The apps' own layers first, so that registry entries of the same layer merge into them.
  for (const app of apps) {
    for (const p of app.report.producers.filter(x => x.origin === 'discovered')) {
      addProducer(p, groupOf(app.name, p.assembly), false);
    }
  }
  for (const app of apps) {
    for (const p of app.report.producers.filter(x => x.origin === 'registry')) {
      addProducer(p, 'registry', true);
    }
  }
  const read = new Set(apps.flatMap(app => app.report.consumers.flatMap(c => c.layers.flatMap(l => l.parameterName ?? []))));
  let omittedLockEntries = 0;
  for (const lock of lockFiles) {
    for (const entry of lock.entries) {
      if (apps.length > 0 && !read.has(entry.parameterName)) {
        omittedLockEntries += 1;
        continue;
      }
      addProducer(entry, `registry ${lock.file}`, true);
    }
  }

  for (const app of apps) {
    const isAcknowledged = acknowledgementsOf([app.report]);
    for (const consumer of app.report.consumers) {
      const target = node(`C\u0000${app.name}\u0000${consumer.function}`, id => ({
        id, kind: 'consumer', group: groupOf(app.name, consumer.assembly), label: [consumer.function],
      }));
      for (const layer of consumer.layers) {
        // Reports before the literal-arn status called a literal ARN local, with no producer.
        if (layer.status === LayerStatus.LITERAL_ARN || (layer.status === LayerStatus.LOCAL && !layer.producer)) {
          // A literal ARN (an AWS-managed layer, say): nothing of the app produces it; a new version is a new ARN in
          // the template, which CloudFormation sees.
          const arn = layer.source.replace(/^literal ARN /, '');
          const literal = node(`A\u0000${arn}`, id => ({ id, kind: 'producer', group: 'literal layer ARNs', label: [arn] }));
          edges.push({ from: literal.id, to: target.id, followed: true, label: 'literal ARN' });
          continue;
        }
        if (layer.status === LayerStatus.LOCAL) {
          // A layer version of the function's own stack, which CloudFormation and CDK's version hash track.
          const own = node(`L\u0000${app.name}\u0000${consumer.assembly ?? ''}\u0000${layer.producer}`, id => ({
            id, kind: 'producer', group: groupOf(app.name, consumer.assembly), label: [layer.producer!],
          }));
          edges.push({ from: own.id, to: target.id, followed: true, label: 'same stack' });
          continue;
        }
        const followed = layer.status === LayerStatus.TRACKED;
        const findingText = `${findingLabel(layer)}${isAcknowledged(layer.finding, consumer.function) ? ' (acknowledged)' : ''}`;
        const conditional = conditionalProducersOf(layer, consumer, producers);
        if (conditional.length > 0) {
          for (const source of conditional) {
            edges.push({ from: source.id, to: target.id, followed, label: followed ? layer.fingerprint ?? '' : findingText });
          }
          continue;
        }
        const source = producerOf(layer, consumer, producers)
          ?? node(`U\u0000${layer.parameterName ?? layer.producer ?? layer.source}`, id => ({
            id, kind: layer.producer ? 'producer' : 'unknown', group: layer.producer ? groupOf(app.name, consumer.assembly) : 'unknown producers',
            label: [layer.producer ?? layer.parameterName ?? layer.source],
          }));
        edges.push({ from: source.id, to: target.id, followed, label: followed ? layer.fingerprint ?? '' : findingText });
      }
    }
  }
  for (const app of apps) {
    for (const finding of findingsBeyondLayers(app.report)) {
      node(`F\u0000${app.name}\u0000${finding.id}\u0000${finding.path}\u0000${finding.message}`, id => ({
        id, kind: 'finding', group: `${app.name} / findings`,
        label: [`${finding.level}${finding.acknowledged ? ' (acknowledged)' : ''}: ${finding.id.slice(finding.id.indexOf(':') + 1)}`, finding.path || '(the app)'],
      }));
    }
  }
  return { nodes: [...nodes.values()], edges, ...(omittedLockEntries > 0 ? { omittedLockEntries } : {}) };
}

/** Every producer node a CloudFormation condition can pick for a consumer's layer; none when no condition picks. */
function conditionalProducersOf(layer: ReportLayer, consumer: ReportConsumer, producers: ReadonlyMap<string, KnownProducer[]>): GraphNode[] {
  const paths = layer.producers ?? [];
  if (paths.length < 2 || layer.parameterName === undefined) {
    return [];
  }
  return (producers.get(layer.parameterName) ?? [])
    .filter(k => environmentsOverlap(consumer, k.producer)
      && k.producer.producer !== undefined && paths.includes(k.producer.producer))
    .map(k => k.node);
}

/** The producer node a consumer's layer comes from: by parameter and environment, the fingerprint deciding. */
function producerOf(layer: ReportLayer, consumer: ReportConsumer, producers: ReadonlyMap<string, KnownProducer[]>): GraphNode | undefined {
  const candidates = layer.parameterName !== undefined
    ? (producers.get(layer.parameterName) ?? []).filter(k => environmentsOverlap(consumer, k.producer))
    : [...producers.values()].flat().filter(k => layer.producer !== undefined && k.producer.producer === layer.producer);
  const byFingerprint = layer.fingerprint ? candidates.find(k => k.producer.fingerprint?.startsWith(layer.fingerprint!)) : undefined;
  return (byFingerprint ?? candidates[0])?.node;
}
