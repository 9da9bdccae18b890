import { ownerScope } from '../cfn/owner-scope';
import { AnalyzedLayer, ConsumerFacts } from '../facts/consumer-facts';
import { LayerStatus } from '../facts/layer-status';
import { publishingResource } from '../producers/layer-producer';
import { StaleEntry } from '../registry/stale-entries';
import { FindingDefinition, PendingFinding } from './finding';
import { FindingLevel } from './finding-level';

/** A registry entry's source directory has changed since the entry was written. */
export const STALE_REGISTRY_ENTRY: FindingDefinition = {
  id: 'cdk-layer-sync:StaleRegistryEntry',
  levelProp: 'staleRegistryEntry',
  defaultLevel: FindingLevel.WARNING,
  explanation: 'The registry (lock file) holds an old fingerprint for a layer whose source has changed, so '
    + 'consumers keep the old fingerprint until the file is refreshed.',
  status: LayerStatus.STALE,
  checkLayer: (layer, consumer) => staleRegistryFindings(layer, consumer),
};

/** The entry a followed layer's fingerprint came from is stale, or disagrees with the app's own producer. */
function staleRegistryFindings(layer: AnalyzedLayer, consumer: ConsumerFacts): PendingFinding[] {
  const tracked = layer.tracked;
  const path = ownerScope(consumer.fn).node.path;
  const findings: PendingFinding[] = [];
  if (tracked?.stale) {
    findings.push({
      definition: STALE_REGISTRY_ENTRY,
      message: staleRegistryEntryMessage(path, tracked.stale, consumer.registryFile),
      parameterName: layer.source.parameterName,
    });
  }
  if (tracked?.overriddenRegistryFingerprint && tracked.producer) {
    findings.push({
      definition: STALE_REGISTRY_ENTRY,
      message: registryDisagreesMessage(path, tracked.producer.parameterName, tracked.overriddenRegistryFingerprint,
        ownerScope(publishingResource(tracked.producer)).node.path, tracked.fingerprint, consumer.registryFile),
      parameterName: layer.source.parameterName,
    });
  }
  return findings;
}

/** The command that refreshes an entry. */
export function refreshCommand(stale: StaleEntry, file?: string): string {
  const entry = stale.entry;
  const flags = [
    `--parameter ${entry.parameterName}`,
    `--dir ${entry.source}`,
    ...(entry.account ? [`--account ${entry.account}`] : []),
    ...(entry.region ? [`--region ${entry.region}`] : []),
    ...(entry.layerName ? [`--layer-name '${entry.layerName}'`] : []),
    ...(entry.exclude ?? []).map(p => `--exclude '${p}'`),
    ...(entry.followSymlinks ? ['--follow-symlinks'] : []),
  ];
  return `npx cdk-layer-sync registry add ${file ?? '<lock file>'} ${flags.join(' ')}`;
}

/** Message naming the parameter, the directory and the refresh command. */
export function staleRegistryEntryMessage(functionPath: string, stale: StaleEntry, file?: string): string {
  const now = stale.current ? `now fingerprints to ${stale.current.slice(0, 12)}` : `cannot be fingerprinted (${stale.error})`;
  return `function ${functionPath} takes the fingerprint of layer parameter '${stale.entry.parameterName}' from the `
    + `registry${file ? ` ${file}` : ''} (${stale.entry.fingerprint.slice(0, 12)}), but its source directory `
    + `${stale.directory} ${now}. The layer source changed after the registry was written, so this function `
    + `may not move with the layer. Refresh the entry: ${refreshCommand(stale, file)} (or re-synthesize the producer app).`;
}

/** Message for a registry entry that disagrees with the app's own producer of the same parameter and environment. */
export function registryDisagreesMessage(
  functionPath: string, parameterName: string, registered: string, producerPath: string, current: string, file?: string,
): string {
  return `function ${functionPath} follows layer parameter '${parameterName}' from this app's own producer ${producerPath} `
    + `(${current.slice(0, 12)}), but the registry${file ? ` ${file}` : ''} has ${registered.slice(0, 12)} for it. The app's `
    + 'own layer wins, so this function moves with it; other apps that read the registry would not. Refresh the entry: '
    + 'let this app write the file (`registryOutput`), or re-synthesize the app that does.';
}
