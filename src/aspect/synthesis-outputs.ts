import { attachCustomSynthesis, CfnResource, Stack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { changedInternalsOf } from '../cdk-internals/cdk-internal';
import { SYNTHESIS_PHASE_ORDER } from '../cdk-internals/synthesis-phase';
import { ownerScope } from '../cfn/owner-scope';
import { FindingLevel } from '../findings/finding-level';
import { unsupportedCdkReleaseMessage, UNSUPPORTED_CDK_RELEASE } from '../findings/unsupported-cdk-release';
import { LayerProducer, publishingResource } from '../producers/layer-producer';
import { LayerRegistryEntry } from '../registry/layer-registry-entry';
import { entryKey, replaceEntries, updateRegistryFile } from '../registry/registry-file';
import { writeReport } from '../report/layer-dependency-report';
import { ResolvedOptions } from './resolved-options';
import { SessionView } from './session-view';

const REPORTER_ID = 'CdkLayerSyncReport';

/**
 * Write the report (`layer-dependencies.json`) and, when an aspect asks, its registry lock file at the end of the
 * root's synthesis, when every visit and every Stage is done. Uses CDK's public custom-synthesis hook on one
 * construct under the root.
 */
export function writeOutputsOnSynthesis(root: IConstruct, session: SessionView): void {
  if (!(root instanceof Construct) || root.node.tryFindChild(REPORTER_ID)) {
    return;
  }
  const reporter = new Construct(root, REPORTER_ID);
  attachCustomSynthesis(reporter, {
    onSynthesize: synthesis => {
      const runOptions = session.runOptions;
      writeReport(synthesis.outdir, {
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
      failOnLateChanges(session);
      const written = new Set<string>();
      for (const options of runOptions) {
        if (options.registryOutput && !written.has(options.registryOutput)) {
          written.add(options.registryOutput);
          updateRegistryFile(options.registryOutput, registryOutputUpdate(session.producers, options));
        }
      }
    },
  });
}

/**
 * A CDK internal found changed while the report was written, after the last validation: the synthesis phases ran in
 * another order. Too late for an annotation, so an ERROR level stops the synthesis here, and a lower one is printed.
 */
function failOnLateChanges(session: SessionView): void {
  const late = changedInternalsOf(session.root).filter(change => change.internal === SYNTHESIS_PHASE_ORDER);
  const level = session.appOptions.levelOf(UNSUPPORTED_CDK_RELEASE);
  if (late.length === 0 || level === FindingLevel.OFF) {
    return;
  }
  const message = `[${level}] ${UNSUPPORTED_CDK_RELEASE.id}: ${unsupportedCdkReleaseMessage(late[0])}`;
  if (level === FindingLevel.ERROR) {
    throw new Error(message);
  }
  session.printOnce(message);
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
