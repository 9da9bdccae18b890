/** What the aspect makes of one layer of a function, as the report shows it. */
export enum LayerStatus {
  /** Followed: its fingerprint is written into the function. */
  TRACKED = 'tracked',
  /** Followed through a registry entry whose source has changed since. */
  STALE = 'stale',
  /** A layer of the same stack: CloudFormation already sees its changes. */
  LOCAL = 'local',
  /** A layer version ARN in the template (an AWS-managed layer, say): a new version is a template change. */
  LITERAL_ARN = 'literal-arn',
  /** A layer ARN cached in the app's context by `valueFromLookup`: it does not move with the layer. */
  CACHED_LOOKUP = 'cached-lookup',
  /** A pinned SSM parameter version: the pin is in the template. */
  PINNED = 'pinned',
  /** Passed by Export/ImportValue. */
  EXPORTED = 'exported',
  /** No producer known. */
  UNHASHED = 'unhashed',
  /** A token that cannot be resolved. */
  UNRESOLVABLE = 'unresolvable',
}

/** Statuses that mean the function will not move with its layer: `check` fails on them unless acknowledged. */
export const NOT_FOLLOWING: ReadonlySet<LayerStatus> = new Set([
  LayerStatus.UNHASHED, LayerStatus.UNRESOLVABLE, LayerStatus.EXPORTED, LayerStatus.STALE, LayerStatus.CACHED_LOOKUP,
]);

/** Statuses whose layer CloudFormation itself sees change, with no fingerprint: the same stack, or an ARN in the template. */
export const TRACKED_BY_CLOUDFORMATION: ReadonlySet<LayerStatus> = new Set([LayerStatus.LOCAL, LayerStatus.LITERAL_ARN]);

/** Every status, for the report's validation: a report with another is an error naming the field. */
export const LAYER_STATUSES: readonly LayerStatus[] = Object.values(LayerStatus);
