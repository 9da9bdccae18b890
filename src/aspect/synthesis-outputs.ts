import { attachCustomSynthesis, CfnResource, Stack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { ownerScope } from '../findings/owner-scope';
import { LayerRegistryEntry } from '../registry/layer-registry-entry';
import { entryKey, writeRegistryFile } from '../registry/registry-file';
import { writeReport } from '../report/layer-dependency-report';
import { LayerSyncPlan } from '../analysis/layer-sync-plan';
import { ResolvedOptions } from './resolved-options';

const REPORTER_ID = 'CdkLayerSyncReport';

/**
 * Write the report (`layer-dependencies.json`) and, when asked, the registry lock file at the end of
 * the root's synthesis, when every visit and every Stage is done. Uses CDK's public custom-synthesis hook
 * on one construct under the root; a second aspect on the same tree reuses it.
 */
export function writeOutputsOnSynthesis(root: IConstruct, plan: LayerSyncPlan, options: ResolvedOptions): void {
  if (!(root instanceof Construct) || root.node.tryFindChild(REPORTER_ID)) {
    return;
  }
  const reporter = new Construct(root, REPORTER_ID);
  attachCustomSynthesis(reporter, {
    onSynthesize: session => {
      writeReport(session.outdir, {
        producers: plan.producers,
        registryEntries: options.registry?.entries ?? [],
        registryFile: plan.registryFile,
        staleEntries: plan.staleEntries,
        consumers: plan.allConsumers,
        findings: plan.reportedFindings,
        layerAssets: [...plan.layerAssets.values()],
      });
      if (options.registryOutput) {
        writeRegistryFile(options.registryOutput, registryOutputEntries(plan, options));
      }
    },
  });
}

/**
 * The producers this app publishes, plus the entries of its registry. For a parameter the app itself
 * produces, the discovered layer wins: the producer app knows its own layers best.
 */
export function registryOutputEntries(plan: LayerSyncPlan, options: ResolvedOptions): LayerRegistryEntry[] {
  const byKey = new Map<string, LayerRegistryEntry>();
  for (const entry of options.registry?.entries ?? []) {
    byKey.set(entryKey(entry), entry);
  }
  for (const producer of plan.producers) {
    if (producer.fingerprintError) {
      continue;
    }
    const entry: LayerRegistryEntry = {
      parameterName: producer.parameterName,
      fingerprint: producer.fingerprint,
      account: producer.account,
      region: producer.region,
      layerName: literalLayerName(producer.layer),
      producer: ownerScope(producer.layer).node.path,
    };
    byKey.set(entryKey(entry), entry);
  }
  return [...byKey.values()];
}

function literalLayerName(layer: CfnResource): string | undefined {
  const name = Stack.of(layer).resolve((layer as unknown as { layerName?: unknown }).layerName);
  return typeof name === 'string' ? name : undefined;
}
