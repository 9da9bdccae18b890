import { CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { AnalyzedLayer, ConsumerFacts } from '../facts/consumer-facts';
import type { TreeFacts } from '../facts/tree-facts';
import { FindingLevel } from './finding-level';
import { LayerStatus } from '../facts/layer-status';

/** A finding a check gave, waiting to be reported at the level the app sets. */
export interface PendingFinding {
  readonly definition: FindingDefinition;
  readonly message: string;
  /** The SSM parameter the finding is about, when it is about one (cdk-nag's granular ids name it). */
  readonly parameterName?: string;
  /**
   * The layer source it is about, as the report labels it (`SSM parameter '/x'`): functions of one stack with a
   * finding of one cause read as one finding (`sameCauseMessage`).
   */
  readonly cause?: string;
}

/** A finding of the whole tree: where the aspect shows it, and the resource the cdk-nag pack flags. */
export interface TreeFinding extends PendingFinding {
  /** The construct the aspect annotates. */
  readonly scope: IConstruct;
  /** The CloudFormation resource the cdk-nag pack reports it on; undefined when the tree has none. */
  readonly resource?: CfnResource;
}

/**
 * One finding, cdk-nag style: one file of `src/findings/` declares it, with its check, and one line of the catalogue
 * (`catalog.ts`) lists it. The aspect, the cdk-nag pack and the report loop over the catalogue:
 * - a finding with `checkLayer` or `checkConsumer` is checked for every function, by the aspect and by a pack rule
 *   on `AWS::Lambda::Function`;
 * - one with `checkTree`, over the whole tree once, by the aspect's App completion and by a pack rule;
 * - one with neither is raised by the aspect while it acts (a rewrite that does not fit, a Stage it did not visit).
 * Checks are pure: they read the facts they are given, never a file, the environment or a CDK internal.
 */
export interface FindingDefinition {
  /** The id users acknowledge, `cdk-layer-sync:Name`. */
  readonly id: string;
  /**
   * The older prop of `LayerDependencyAspectProps` that sets its level (deprecated: `findingLevels` sets every
   * finding's); undefined for the findings that came after it, and for the pack's own `ConsumerNotFollowing`.
   */
  readonly levelProp?: string;
  /** The level used when the aspect's props do not set one. */
  readonly defaultLevel: FindingLevel;
  /** One sentence: why the finding matters. Shown in the README's findings reference. */
  readonly explanation: string;
  /** The layer status this finding explains: `check`, `diff` and `graph` name it beside a layer of that status. */
  readonly status?: LayerStatus;
  /** Its check of one layer of a function (the function's facts beside it). */
  readonly checkLayer?: (layer: AnalyzedLayer, consumer: ConsumerFacts) => PendingFinding[];
  /** Its check of one function as a whole. */
  readonly checkConsumer?: (consumer: ConsumerFacts) => PendingFinding[];
  /** Its check of the whole tree. */
  readonly checkTree?: (facts: TreeFacts) => TreeFinding[];
  /**
   * The CloudFormation type the pack checks a tree finding on; undefined: any resource, reported only where found.
   */
  readonly packResourceType?: string;
}
