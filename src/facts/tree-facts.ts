import { CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ChangedInternal } from '../cdk-internals/cdk-internal';
import { PipelineStack } from '../pipelines/pipeline-deployments';
import { ConsumerFacts } from './consumer-facts';

/**
 * What the checks of the whole tree need, gathered before they run: the tree's constructs, the facts of every
 * consumer, and what was recorded while gathering them. The checks read nothing else (no file, no CDK internal).
 */
export interface TreeFacts {
  /** Every construct of the tree. */
  readonly constructs: readonly IConstruct[];
  /** The latest facts of every function with layers. */
  readonly consumers: readonly ConsumerFacts[];
  /** The layer versions the app publishes through an SSM parameter of its own (each layer a condition can pick). */
  readonly publishedLayers: ReadonlySet<CfnResource>;
  /** Every stack a CDK Pipeline of the tree deploys, by construct path. */
  readonly pipelineStacks: ReadonlyMap<string, readonly PipelineStack[]>;
  /** The lock file the app writes its producers to (`registryOutput`), if any. */
  readonly ownLockFile?: string;
  /** The CDK internals found changed while the facts were gathered. */
  readonly changedInternals: readonly ChangedInternal[];
}
