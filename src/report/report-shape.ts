import type { LayerAssetRecord } from '../facts/layer-asset-record';
import type { FindingLevel } from '../findings/finding-level';
import type { LayerStatus } from '../facts/layer-status';

export type { LayerAssetRecord };

/** One producer as `layer-dependencies.json` lists it: a layer of the app behind an SSM parameter, or a registry entry. */
export interface ReportProducer {
  readonly parameterName: string;
  readonly account?: string;
  readonly region?: string;
  /** The full fingerprint; absent when the layer could not be fingerprinted. */
  readonly fingerprint?: string;
  /** Why the layer could not be fingerprinted (discovered producers). */
  readonly error?: string;
  readonly origin: 'discovered' | 'registry';
  /** The source directory a registry entry was made from. */
  readonly source?: string;
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
  /** What the aspect made of it (the validator refuses a report with any other). */
  readonly status: LayerStatus;
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

/** A registry entry whose source directory no longer has the registered fingerprint. */
export interface ReportStaleEntry {
  readonly parameterName: string;
  readonly account?: string;
  readonly region?: string;
  readonly source?: string;
  readonly registered: string;
  readonly current?: string;
  readonly error?: string;
}

/** One finding the aspect reported. */
export interface ReportFinding {
  /** A finding id of the catalogue (`src/findings/catalog.ts`). */
  readonly id: string;
  readonly level: FindingLevel;
  readonly path: string;
  readonly message: string;
  /** True for a warning acknowledged on its construct or a scope above (absent otherwise). */
  readonly acknowledged?: boolean;
}

/** `layer-dependencies.json`, as this library writes and reads it: the writer, the validator and the readers use this. */
export interface LayerDependencyReport {
  readonly version: number;
  readonly registryFile?: string;
  readonly producers: ReportProducer[];
  readonly consumers: ReportConsumer[];
  readonly staleEntries: ReportStaleEntry[];
  readonly findings: ReportFinding[];
  /** Absent in reports of releases before StaleAssetHash. */
  readonly layerAssets?: LayerAssetRecord[];
}
