import * as path from 'path';
import { CfnResource, Stack, Stage, Token } from 'aws-cdk-lib';
import { AnalyzedLayer, ConsumerFacts } from '../facts/consumer-facts';
import { LayerStatus } from '../facts/layer-status';
import { deployedStack } from '../dependencies/stack-dependencies';
import { ownerScope } from '../cfn/owner-scope';
import { FINDINGS } from '../findings/catalog';
import { shortFingerprint } from '../fingerprint/digest';
import { writeFileAtomic } from '../io/atomic-write';
import { compareText } from '../io/compare-text';
import { environmentOf, LayerProducer, publishingResource } from '../producers/layer-producer';
import type { LayerRegistryEntry } from '../registry/layer-registry-entry';
import type { StaleEntry } from '../registry/stale-entries';
import { FunctionVersions, versionsByFunction } from './function-versions';
import type { LayerAssetRecord, LayerDependencyReport, ReportConsumer, ReportFinding, ReportProducer, ReportStaleEntry } from './report-shape';

/** The file every synthesis with the aspect writes into the cloud assembly directory. */
export const REPORT_FILE = 'layer-dependencies.json';
/** The report format version. */
export const REPORT_VERSION = 1;

/** What the report is made from. */
export interface ReportInput {
  readonly producers: readonly LayerProducer[];
  readonly registryEntries: readonly LayerRegistryEntry[];
  readonly registryFile?: string;
  readonly staleEntries: ReadonlyMap<LayerRegistryEntry, StaleEntry>;
  readonly consumers: readonly ConsumerFacts[];
  readonly findings: readonly ReportFinding[];
  /** Layer versions' directory assets with their source fingerprints, for the next synthesis to compare. */
  readonly layerAssets?: readonly LayerAssetRecord[];
}

/**
 * The report as JSON data: producers (discovered and registered), every function with layers and what
 * became of each layer, stale registry entries, and the findings. Sorted, so equal apps give equal files.
 */
export function buildReport(input: ReportInput): LayerDependencyReport {
  const producers: ReportProducer[] = [
    ...input.producers.map(p => ({
      parameterName: p.parameterName,
      account: p.account,
      region: p.region,
      fingerprint: p.fingerprint || undefined,
      error: p.fingerprintError,
      origin: 'discovered' as const,
      producer: ownerScope(publishingResource(p)).node.path,
      literalArn: p.literalArn,
      condition: p.condition ?? conditionOf(p.parameter),
      stackPath: p.parameter.stack.node.path,
      assembly: assemblyOf(p.parameter.stack),
    })),
    ...input.registryEntries.map(e => ({
      parameterName: e.parameterName,
      account: e.account,
      region: e.region,
      fingerprint: e.fingerprint,
      origin: 'registry' as const,
      source: e.source,
      producer: e.producer,
      stale: input.staleEntries.has(e) || undefined,
    })),
  ].sort((a, b) => compareText(`${a.parameterName} ${a.account} ${a.region} ${a.origin}`, `${b.parameterName} ${b.account} ${b.region} ${b.origin}`));
  const versionsOfStack = new Map<Stack, Map<string, FunctionVersions>>();
  const versionsOf = (stack: Stack, logicalId: string): FunctionVersions | undefined => {
    let byFunction = versionsOfStack.get(stack);
    if (!byFunction) {
      byFunction = versionsByFunction(stack);
      versionsOfStack.set(stack, byFunction);
    }
    return byFunction.get(logicalId);
  };
  const consumers: ReportConsumer[] = input.consumers
    .filter(c => c.layers.length > 0)
    .map(c => {
      const logicalId = Stack.of(c.fn).resolve(c.fn.logicalId) as string;
      const moving = versionsOf(Stack.of(c.fn), logicalId);
      return {
        stack: reportedStackName(c.stack),
        stackPath: c.stack.node.path,
        assembly: assemblyOf(c.stack),
        ...environmentOf(c.stack),
        function: ownerScope(c.fn).node.path,
        logicalId,
        versions: moving && [...moving.versions].sort(compareText),
        aliases: moving && [...moving.aliases].sort(compareText),
        layers: c.layers.map(l => ({
          index: l.source.index,
          source: l.source.label,
          kind: l.source.kind,
          parameterName: l.source.parameterName,
          status: l.status,
          fingerprint: l.tracked ? shortFingerprint(l.tracked.fingerprint) : undefined,
          origin: l.tracked?.origin,
          producer: producerPathOf(l),
          producers: l.tracked?.alternatives && l.tracked.alternatives.length > 1
            ? l.tracked.alternatives.map(layer => ownerScope(layer).node.path) : undefined,
          layerFingerprint: l.exportedFingerprint !== undefined ? shortFingerprint(l.exportedFingerprint) : undefined,
          finding: findingOfStatus(l.status),
        })),
      };
    })
    .sort((a, b) => compareText(a.function, b.function));
  const staleEntries: ReportStaleEntry[] = [...input.staleEntries.values()].map(s => ({
    parameterName: s.entry.parameterName,
    account: s.entry.account,
    region: s.entry.region,
    source: s.entry.source,
    registered: s.entry.fingerprint,
    current: s.current,
    error: s.error,
  }));
  const findings = [...input.findings].sort(compareFindings);
  const layerAssets = [...(input.layerAssets ?? [])].sort((a, b) => compareText(a.layer, b.layer));
  return { version: REPORT_VERSION, registryFile: input.registryFile, producers, consumers, staleEntries, findings, layerAssets };
}

/**
 * The construct path of what publishes a function's layer in this app: the SSM parameter's producer, else the
 * followed layer version, else the layer version passed by strong reference or of the function's own stack.
 */
function producerPathOf(layer: AnalyzedLayer): string | undefined {
  if (layer.tracked?.producer) {
    return ownerScope(publishingResource(layer.tracked.producer)).node.path;
  }
  if (layer.tracked?.layer) {
    return ownerScope(layer.tracked.layer).node.path;
  }
  const passed = layer.exportedFingerprint !== undefined || layer.status === LayerStatus.LOCAL;
  return layer.source.target && passed ? ownerScope(layer.source.target).node.path : undefined;
}

/**
 * A stack's name as the report shows it, the same on every synthesis: its stack name, or for a nested stack (whose
 * name CloudFormation gives at deploy time, a token here) its parent's name and its id, `Parent/Nested`.
 */
export function reportedStackName(stack: Stack): string {
  if (!Token.isUnresolved(stack.stackName)) {
    return stack.stackName;
  }
  const parent = stack.nestedStackParent;
  return parent ? `${reportedStackName(parent)}/${stack.node.id}` : stack.node.path;
}

/** The path of the Stage whose cloud assembly holds a stack: '' for the App's own. */
function assemblyOf(stack: Stack): string {
  const stage = Stage.of(deployedStack(stack));
  return stage && stage !== stack.node.root ? stage.node.path : '';
}

/** The finding that explains a layer status the aspect cannot follow: the catalogue's finding of that status. */
function findingOfStatus(status: LayerStatus): string | undefined {
  return FINDINGS.find(finding => finding.status === status)?.id;
}

/** The order of a report's findings: by path, id and message, so that equal apps give equal files. */
export function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return compareText(`${a.path} ${a.id} ${a.message}`, `${b.path} ${b.id} ${b.message}`);
}

/** Write a report (`buildReport`) into a cloud assembly directory, atomically. */
export function writeReport(assemblyDirectory: string, report: LayerDependencyReport): void {
  writeFileAtomic(path.join(assemblyDirectory, REPORT_FILE), `${JSON.stringify(report, undefined, 2)}\n`);
}

/** `Condition NAME` when a CloudFormation condition decides whether the resource exists. */
function conditionOf(resource: CfnResource): string | undefined {
  const condition = resource.cfnOptions.condition;
  return condition ? `Condition ${Stack.of(resource).resolve(condition.logicalId)}` : undefined;
}
