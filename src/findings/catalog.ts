import { CACHED_LAYER_LOOKUP } from './cached-layer-lookup';
import { CONSUMER_NOT_FOLLOWING } from './consumer-not-following';
import { DEPENDENCY_CYCLE } from './dependency-cycle';
import { DESCRIPTION_TRUNCATED } from './description-truncated';
import { ENVIRONMENT_LIMIT } from './environment-limit';
import { EXPORTED_LAYER_ARN } from './exported-layer-arn';
import { FindingDefinition } from './finding';
import { LAYER_ATTACHED_LATE } from './layer-attached-late';
import { LAYER_VERSION_NOT_RETAINED } from './layer-version-not-retained';
import { LITERAL_ARN_OF_APP_LAYER } from './literal-arn-of-app-layer';
import { PIPELINE_ORDER } from './pipeline-order';
import { PRODUCER_BUILT_LATER } from './producer-built-later';
import { STAGE_NOT_COVERED } from './stage-not-covered';
import { STALE_ASSET_HASH } from './stale-asset-hash';
import { STALE_REGISTRY_ENTRY } from './stale-registry-entry';
import { UNHASHED_CONSUMER } from './unhashed-consumer';
import { UNRESOLVABLE_LAYER_REFERENCE } from './unresolvable-layer-reference';
import { UNSUPPORTED_CDK_RELEASE } from './unsupported-cdk-release';

/**
 * Every finding of the library, one per file of this folder: the vocabulary the aspect's props (`levelProp`), the
 * cdk-nag pack's rules, the report's validator and the docs' findings reference all read.
 */
export const FINDINGS: readonly FindingDefinition[] = [
  UNHASHED_CONSUMER,
  UNRESOLVABLE_LAYER_REFERENCE,
  PRODUCER_BUILT_LATER,
  EXPORTED_LAYER_ARN,
  CACHED_LAYER_LOOKUP,
  STALE_REGISTRY_ENTRY,
  STALE_ASSET_HASH,
  DEPENDENCY_CYCLE,
  PIPELINE_ORDER,
  LAYER_VERSION_NOT_RETAINED,
  DESCRIPTION_TRUNCATED,
  ENVIRONMENT_LIMIT,
  STAGE_NOT_COVERED,
  LAYER_ATTACHED_LATE,
  UNSUPPORTED_CDK_RELEASE,
  LITERAL_ARN_OF_APP_LAYER,
  CONSUMER_NOT_FOLLOWING,
];

/** Every finding id, `cdk-layer-sync:Name`. */
export const FINDING_IDS: readonly string[] = FINDINGS.map(f => f.id);
