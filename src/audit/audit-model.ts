/** What one deployed function runs, as `audit` read it from the account. */
export interface AuditedFunction {
  readonly name: string;
  /** The CloudFormation stack that holds it, where the audit was limited to stacks or an app's report. */
  readonly stack?: string;
  /** The layer version ARNs of `$LATEST`. */
  readonly latestLayers: string[];
  /** Every alias: the versions it routes to (one, or two with a weighted routing) and their layers. */
  readonly aliases: AuditedAlias[];
}

/** One alias of a function and what its versions run. */
export interface AuditedAlias {
  readonly name: string;
  readonly versions: AuditedAliasVersion[];
}

/** One version an alias routes to. */
export interface AuditedAliasVersion {
  readonly version: string;
  /** The share of the alias's traffic, from 0 to 1. */
  readonly weight: number;
  readonly layers: string[];
}

/** The version of a layer that its producer calls current, and where that came from. */
export interface CurrentLayerVersion {
  readonly layerArn: string;
  readonly version: number;
  /** For the reader: `parameter NAME`, `lock file FILE (NAME)` or `newest in the account`. */
  readonly from: string;
}

/** What the audit says of one layer of one qualifier of one function. */
export type AuditStatus = 'current' | 'stale' | 'unknown';

/** One row of the audit: a function's `$LATEST` or alias version, one of its layers, and how far behind it is. */
export interface AuditRow {
  readonly function: string;
  readonly stack?: string;
  /** `$LATEST` or the alias name. */
  readonly qualifier: string;
  /** The published version the alias routes to (absent for `$LATEST`). */
  readonly version?: string;
  /** The alias's share of traffic to that version, where it routes to two. */
  readonly weight?: number;
  /** The layer version ARN the qualifier runs. */
  readonly layerVersionArn: string;
  readonly layer: string;
  readonly runsVersion?: number;
  readonly currentVersion?: number;
  /** How many versions behind; absent when unknown or another layer. */
  readonly behind?: number;
  readonly status: AuditStatus;
  /** Where the current version came from, or why it is unknown. */
  readonly note: string;
}
