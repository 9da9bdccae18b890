import { FindingLevel } from './finding-level';

/**
 * What every finding module declares: cdk-nag style, one finding per file.
 */
export interface FindingDefinition {
  /** The id users acknowledge, `cdk-layer-sync:Name`. */
  readonly id: string;
  /**
   * The prop of `LayerDependencyAspectProps` that sets its level; undefined for a finding of the cdk-nag pack only
   * (`ConsumerNotFollowing`).
   */
  readonly levelProp?: string;
  /** The level used when the aspect's props do not set one. */
  readonly defaultLevel: FindingLevel;
  /** One sentence: why the finding matters. Shown in the README's findings reference. */
  readonly explanation: string;
}
