import { attachCustomSynthesis, CfnResource, ISynthesisSession, Stack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { changedInternalsOf } from '../cdk-internals/cdk-internal';
import { SYNTHESIS_PHASE_ORDER } from '../cdk-internals/synthesis-phase';
import { ownerScope } from '../cfn/owner-scope';
import { FindingLevel } from '../findings/finding-level';
import { unsupportedCdkReleaseMessage, UNSUPPORTED_CDK_RELEASE } from '../findings/unsupported-cdk-release';
import { LayerProducer, publishingResource } from '../producers/layer-producer';
import { LayerRegistryEntry } from '../registry/layer-registry-entry';
import { entryKey, replaceEntries, updateRegistryFile } from '../registry/registry-file';
import { buildReport, compareFindings, writeReport } from '../report/layer-dependency-report';
import type { LayerDependencyReport, ReportFinding } from '../report/report-shape';
import { ResolvedOptions } from './resolved-options';
import { SessionView } from './session-view';

const REPORTER_ID = 'CdkLayerSyncReport';

/**
 * Write the report (`layer-dependencies.json`) and, when an aspect asks, its registry lock file at the end of the
 * root's synthesis, when every visit, every Stage and every template is done.
 *
 * CDK's public custom-synthesis hook is attached to the root itself: CDK synthesizes the tree children first and the
 * root last, so the outputs are written after every template, wherever the stacks sit and whenever the first aspect
 * ran (CDK Pipelines' `addStage()` runs a Stage's aspects while the App is still being built, before the stacks
 * declared after it exist). A root that already has a custom synthesis of its own keeps it, and the outputs go on a
 * construct added under it now: stacks added later are then written after the report, which names the check that
 * could not run (`UnsupportedCdkRelease`, asking for a report on a tested release).
 */
export function writeOutputsOnSynthesis(root: IConstruct, session: SessionView): void {
  if (!(root instanceof Construct)) {
    return;
  }
  const synthesis = { onSynthesize: (info: ISynthesisSession) => writeOutputs(info.outdir, session) };
  try {
    attachCustomSynthesis(root, synthesis);
  } catch (error) {
    // A root that already has a custom synthesis (CDK defines it once, as a read-only property): keep the user's.
    if (!(error instanceof TypeError) || root.node.tryFindChild(REPORTER_ID)) {
      throw error;
    }
    attachCustomSynthesis(new Construct(root, REPORTER_ID), synthesis);
  }
}

function writeOutputs(outdir: string, session: SessionView): void {
  const runOptions = session.runOptions;
  const report = buildReport({
    producers: session.producers,
    registryEntries: [...new Set(runOptions.flatMap(options => options.registry?.entries ?? []))],
    registryFile: runOptions.find(options => options.registry?._file)?.registry?._file,
    staleEntries: session.staleEntries,
    consumers: session.consumers,
    findings: session.findings.map(({ id, level, path, message, findingLevel, stands }) => ({
      id, level, path, message, ...(findingLevel === FindingLevel.WARNING && !stands ? { acknowledged: true } : {}),
    })),
    layerAssets: session.layerAssets,
  });
  // Building the report read the templates CDK wrote: what it found changed is a finding of the report too.
  const late = lateFinding(session);
  writeReport(outdir, late ? withFinding(report, late) : report);
  if (late?.level === FindingLevel.ERROR) {
    throw new Error(`[${late.level}] ${late.id}: ${late.message}`);
  }
  if (late) {
    session.printOnce(`[${late.level}] ${late.id}: ${late.message}`);
  }
  const written = new Set<string>();
  for (const options of runOptions) {
    if (options.registryOutput && !written.has(options.registryOutput)) {
      written.add(options.registryOutput);
      updateRegistryFile(options.registryOutput, registryOutputUpdate(session.producers, options));
    }
  }
}

/**
 * A check of the synthesis phases that failed while the report was written, after the last validation: too late
 * for an annotation, so it is in the report's findings, an ERROR level stops the synthesis here, and a lower one is
 * printed.
 */
function lateFinding(session: SessionView): ReportFinding | undefined {
  const late = changedInternalsOf(session.root).filter(change => change.internal === SYNTHESIS_PHASE_ORDER);
  const level = session.appOptions.levelOf(UNSUPPORTED_CDK_RELEASE);
  if (late.length === 0 || level === FindingLevel.OFF) {
    return undefined;
  }
  return { id: UNSUPPORTED_CDK_RELEASE.id, level, path: late[0].scope.node.path, message: unsupportedCdkReleaseMessage(late[0]) };
}

function withFinding(report: LayerDependencyReport, finding: ReportFinding): LayerDependencyReport {
  return { ...report, findings: [...report.findings, finding].sort(compareFindings) };
}

/**
 * How the app's lock file changes: the entries of the producers this app publishes replace the file's entries of
 * the same (parameter name, account, region), since the producer app knows its own layers best; every other entry
 * of the file is kept (other apps and `registry add` wrote them); and the aspect's `registry` entries are added where
 * the file has none for their key.
 */
export function registryOutputUpdate(
  producers: readonly LayerProducer[], options: ResolvedOptions,
): (current: LayerRegistryEntry[]) => LayerRegistryEntry[] {
  const own = ownEntries(producers);
  return current => {
    const inFile = new Set(current.map(entryKey));
    const carried = (options.registry?.entries ?? []).filter(entry => !inFile.has(entryKey(entry)));
    return replaceEntries([...current, ...carried], own);
  };
}

/** The lock file entries of the layers this app publishes. */
function ownEntries(producers: readonly LayerProducer[]): LayerRegistryEntry[] {
  const byKey = new Map<string, LayerRegistryEntry>();
  for (const producer of producers) {
    if (producer.fingerprintError) {
      continue;
    }
    const entry: LayerRegistryEntry = {
      parameterName: producer.parameterName,
      fingerprint: producer.fingerprint,
      account: producer.account,
      region: producer.region,
      layerName: producer.layer ? literalLayerName(producer.layer) : undefined,
      producer: ownerScope(publishingResource(producer)).node.path,
    };
    byKey.set(entryKey(entry), entry);
  }
  return [...byKey.values()];
}

function literalLayerName(layer: CfnResource): string | undefined {
  const name = Stack.of(layer).resolve((layer as unknown as { layerName?: unknown }).layerName);
  return typeof name === 'string' ? name : undefined;
}
