import { CachedLayerLookup } from './cached-layer-lookup';
import { ConsumerNotFollowing } from './consumer-not-following';
import { DependencyCycle } from './dependency-cycle';
import { ExportedLayerArn } from './exported-layer-arn';
import { LayerSyncRule } from './layer-sync-rule';
import { LayerVersionNotRetained } from './layer-version-not-retained';
import { PipelineOrder } from './pipeline-order';
import { StaleRegistryEntry } from './stale-registry-entry';
import { UnhashedConsumer } from './unhashed-consumer';
import { UnresolvableLayerReference } from './unresolvable-layer-reference';
import { UnsupportedCdkRelease } from './unsupported-cdk-release';

/** Every rule of the `LayerSync` pack: each finding that describes a consumer or a layer at risk. */
export const LAYER_SYNC_RULES: readonly LayerSyncRule[] = [
  UnhashedConsumer,
  ConsumerNotFollowing,
  ExportedLayerArn,
  UnresolvableLayerReference,
  StaleRegistryEntry,
  CachedLayerLookup,
  DependencyCycle,
  PipelineOrder,
  LayerVersionNotRetained,
  UnsupportedCdkRelease,
];
