import { FindingLevel } from '../findings/finding-level';
import { LayerRegistry } from '../registry/layer-registry';

/**
 * Where the aspect writes the layer fingerprints in each consumer function.
 */
export enum FingerprintTarget {
  /** Append a `[layer-sync ...]` marker to the function's description, keeping the user's text. */
  DESCRIPTION = 'DESCRIPTION',
  /** Set one environment variable (`environmentVariableName`); other variables are kept. */
  ENVIRONMENT = 'ENVIRONMENT',
}

/**
 * Options of `LayerDependencyAspect`. All optional: the aspect without props suits most apps.
 */
export interface LayerDependencyAspectProps {
  /**
   * Fingerprints of layers the app does not create itself (another CDK app, a platform pipeline).
   * A producer of the same parameter that the aspect discovers in the app takes precedence over its entry.
   * @default - only producers discovered in the app
   */
  readonly registry?: LayerRegistry;

  /**
   * Where the fingerprints go in each consumer function.
   * @default FingerprintTarget.DESCRIPTION
   */
  readonly target?: FingerprintTarget;

  /**
   * The environment variable written when `target` is `ENVIRONMENT`. Must be a valid Lambda variable name
   * not starting with `AWS_`.
   * @default 'LAYER_FINGERPRINTS'
   */
  readonly environmentVariableName?: string;

  /**
   * The level of each finding, by its id, `cdk-layer-sync:` included or left out:
   * `{ 'cdk-layer-sync:StageNotCovered': FindingLevel.WARNING }`. One prop for every finding, those added later
   * included (docs/findings.md lists each id with its default level). An id that is not a finding is an error naming
   * the nearest one; a finding it does not name keeps its default (or its older level prop's value).
   * @default - each finding at its default level
   */
  readonly findingLevels?: { [findingId: string]: FindingLevel };

  /**
   * Level of `cdk-layer-sync:UnhashedConsumer` (a consumer whose layer producer is unknown), of
   * `cdk-layer-sync:UnresolvableLayerReference` (a token the aspect cannot resolve) and of
   * `cdk-layer-sync:ProducerBuiltLater` (a producer created after the consumer's Stage was synthesized).
   * @deprecated use `findingLevels`, which sets every finding's level, those added later included
   * @default FindingLevel.WARNING
   */
  readonly unhashedConsumer?: FindingLevel;

  /**
   * Level of `cdk-layer-sync:ExportedLayerArn` (a layer ARN passed by CloudFormation Export/Import).
   * @deprecated use `findingLevels`, which sets every finding's level, those added later included
   * @default FindingLevel.WARNING
   */
  readonly exportedLayerArn?: FindingLevel;

  /**
   * Level of `cdk-layer-sync:CachedLayerLookup` (a layer ARN read with `ssm.StringParameter.valueFromLookup`,
   * cached in `cdk.context.json`, that does not move when the layer is published again).
   * @deprecated use `findingLevels`, which sets every finding's level, those added later included
   * @default FindingLevel.WARNING
   */
  readonly cachedLayerLookup?: FindingLevel;

  /**
   * Level of `cdk-layer-sync:EnvironmentLimit` (with the `ENVIRONMENT` target, a function whose fingerprint
   * variable would break a Lambda limit: a Lambda@Edge function, or more than 4 KB of variables).
   * @deprecated use `findingLevels`, which sets every finding's level, those added later included
   * @default FindingLevel.ERROR
   */
  readonly environmentLimit?: FindingLevel;

  /**
   * Level of `cdk-layer-sync:DescriptionTruncated` (the user's description was shortened to fit).
   * @deprecated use `findingLevels`, which sets every finding's level, those added later included
   * @default FindingLevel.INFO
   */
  readonly descriptionTruncated?: FindingLevel;

  /**
   * Add a stack dependency from each consumer's stack to its producer's stack when both are in the same
   * cloud assembly (the same App or Stage), so that `cdk deploy --all` updates the layer first; and, in
   * every CDK Pipeline that deploys that Stage, make the consumer's Prepare wait for the producer's Deploy.
   * Turn off only when your pipeline orders the stacks itself.
   * @default true
   */
  readonly addDependencies?: boolean;

  /**
   * Level of `cdk-layer-sync:DependencyCycle` (the producer's stack already depends on the consumer's).
   * @deprecated use `findingLevels`, which sets every finding's level, those added later included
   * @default FindingLevel.ERROR
   */
  readonly dependencyCycle?: FindingLevel;

  /**
   * Level of `cdk-layer-sync:PipelineOrder` (a CDK Pipeline may prepare a consumer's stack before the stack
   * that produces its layer is deployed: the same wave, or an earlier wave).
   * @deprecated use `findingLevels`, which sets every finding's level, those added later included
   * @default FindingLevel.ERROR
   */
  readonly pipelineOrder?: FindingLevel;

  /**
   * Level of `cdk-layer-sync:LayerVersionNotRetained` (a shared layer version that CloudFormation deletes
   * on every update).
   * @deprecated use `findingLevels`, which sets every finding's level, those added later included
   * @default FindingLevel.WARNING
   */
  readonly layerVersionNotRetained?: FindingLevel;

  /**
   * Level of `cdk-layer-sync:StaleAssetHash` (CDK kept a layer's asset hash although its source directory
   * changed: its fingerprint cache missed a same-size edit whose modification time was kept).
   * @deprecated use `findingLevels`, which sets every finding's level, those added later included
   * @default FindingLevel.ERROR
   */
  readonly staleAssetHash?: FindingLevel;

  /**
   * Level of `cdk-layer-sync:StaleRegistryEntry` (a registry entry whose source directory has changed).
   * @deprecated use `findingLevels`, which sets every finding's level, those added later included
   * @default FindingLevel.WARNING
   */
  readonly staleRegistryEntry?: FindingLevel;

  /**
   * Level of `cdk-layer-sync:StageNotCovered` (a Stage with functions that use shared layers was synthesized
   * without this aspect: App aspects never reach a Stage). Reported by the aspect on the App.
   * @deprecated use `findingLevels`, which sets every finding's level, those added later included
   * @default FindingLevel.ERROR
   */
  readonly stageNotCovered?: FindingLevel;

  /**
   * Level of `cdk-layer-sync:LayerAttachedLate` (another aspect gave a function in a nested stack a layer after
   * this aspect ran, when CDK had already fixed that nested stack's template).
   * @deprecated use `findingLevels`, which sets every finding's level, those added later included
   * @default FindingLevel.WARNING
   */
  readonly layerAttachedLate?: FindingLevel;

  /**
   * Level of `cdk-layer-sync:UnsupportedCdkRelease` (the installed aws-cdk-lib changed a part of CDK this library
   * reads for want of a public API, so some of its checks are off).
   * @deprecated use `findingLevels`, which sets every finding's level, those added later included
   * @default FindingLevel.ERROR
   */
  readonly unsupportedCdkRelease?: FindingLevel;

  /**
   * A lock file to write during synthesis with every producer the aspect discovers in the app (and the
   * entries of `registry`), so that other CDK apps can read it with `LayerRegistry.fromFile`. Written
   * atomically; relative paths are relative to the working directory.
   * @default - no lock file is written
   */
  readonly registryOutput?: string;
}
