import type { LayerAssetRecord } from '../analysis/layer-asset-record';

export type { LayerAssetRecord };

/** One producer as `layer-dependencies.json` lists it: a layer of the app behind an SSM parameter, or a registry entry. */
export interface ReportProducer {
  readonly parameterName: string;
  readonly account?: string;
  readonly region?: string;
  /** The full fingerprint; absent when the layer could not be fingerprinted. */
  readonly fingerprint?: string;
  readonly origin: 'discovered' | 'registry';
  /** The producing layer's construct path (a registry entry's, when it recorded one; the parameter's for a literal ARN). */
  readonly producer?: string;
  /** The layer version ARN the producing parameter holds as a literal (an AWS-managed layer, say). */
  readonly literalArn?: string;
  /**
   * The CloudFormation condition that decides what the parameter holds: `Condition NAME` on the parameter, or
   * `Fn::If on NAME` in its value. Producers of one name with conditions are several producers, not a conflict.
   */
  readonly condition?: string;
  /** The producing stack's construct path (discovered producers). */
  readonly stackPath?: string;
  /** The path of the Stage whose cloud assembly holds the producer; '' for the App's own. */
  readonly assembly?: string;
  readonly stale?: boolean;
}

/** One layer of a consumer function, as the report lists it. */
export interface ReportLayer {
  readonly index: number;
  readonly source: string;
  readonly kind: string;
  readonly parameterName?: string;
  /** What the aspect made of it: tracked, stale, local, pinned, cached-lookup, exported, unhashed, unresolvable. */
  readonly status: string;
  /** The 12-character fingerprint written into the function, for tracked layers. */
  readonly fingerprint?: string;
  readonly origin?: string;
  /** The construct path of the producing layer, when the app has it. */
  readonly producer?: string;
  /** Every layer a CloudFormation condition can pick for it (construct paths), when a condition picks. */
  readonly producers?: string[];
  /** The short fingerprint of a layer of the app passed by strong reference (status `exported`): not in the function. */
  readonly layerFingerprint?: string;
  /** The finding that explains why this layer is not followed, when one does. */
  readonly finding?: string;
}

/** One function with layers, as the report lists it. */
export interface ReportConsumer {
  readonly stack: string;
  readonly stackPath: string;
  /** The path of the Stage whose cloud assembly holds the function; '' for the App's own. */
  readonly assembly?: string;
  readonly account?: string;
  readonly region?: string;
  readonly function: string;
  readonly logicalId: string;
  /** Logical ids of the function's `AWS::Lambda::Version` resources (its `currentVersion`). */
  readonly versions?: string[];
  /** Names of its aliases. */
  readonly aliases?: string[];
  readonly layers: ReportLayer[];
}

/** `layer-dependencies.json`, as this library writes and reads it. */
export interface LayerDependencyReport {
  readonly version: number;
  readonly registryFile?: string;
  readonly producers: ReportProducer[];
  readonly consumers: ReportConsumer[];
  readonly staleEntries: Array<{ parameterName: string; source?: string; registered: string; current?: string; error?: string }>;
  readonly findings: Array<{ id: string; level: string; path: string; message: string; acknowledged?: boolean }>;
  /** Absent in reports of releases before StaleAssetHash. */
  readonly layerAssets?: LayerAssetRecord[];
}
