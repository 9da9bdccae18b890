import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ChangedInternal } from '../cdk-internals/cdk-internal';
import { ownerScope } from '../cfn/owner-scope';
import { unsupportedCdkReleaseMessage, UNSUPPORTED_CDK_RELEASE } from '../findings/unsupported-cdk-release';
import { LAYER_VERSION_TYPE } from '../fingerprint/layer-version-fingerprint';
import { PipelineStack } from '../pipelines/pipeline-deployments';
import { LayerProducer } from '../producers/layer-producer';
import { ConsumerAnalysis, layersUsed, PendingFinding } from './analyze-consumer';
import { pipelineOrderFindings } from './ordering-findings';
import { retentionFinding } from './retention-finding';

/**
 * What the checks of the whole tree need, gathered before they run: the tree's constructs, the analysis of every
 * consumer, and what was recorded while gathering them. The checks read nothing else (no file, no CDK internal).
 */
export interface TreeFacts {
  /** Every construct of the tree. */
  readonly constructs: readonly IConstruct[];
  /** The latest analysis of every function with layers. */
  readonly consumers: readonly ConsumerAnalysis[];
  /** The layer versions the app publishes through an SSM parameter of its own (each layer a condition can pick). */
  readonly publishedLayers: ReadonlySet<CfnResource>;
  /** Every stack a CDK Pipeline of the tree deploys, by construct path. */
  readonly pipelineStacks: ReadonlyMap<string, readonly PipelineStack[]>;
  /** The lock file the app writes its producers to (`registryOutput`), if any. */
  readonly ownLockFile?: string;
  /** The CDK internals found changed while the facts were gathered. */
  readonly changedInternals: readonly ChangedInternal[];
}

/** A finding of the whole tree: where the aspect shows it, and the resource the cdk-nag pack flags. */
export interface TreeFinding extends PendingFinding {
  /** The construct the aspect annotates. */
  readonly scope: IConstruct;
  /** The CloudFormation resource the cdk-nag pack reports it on; undefined when the tree has none. */
  readonly resource?: CfnResource;
}

/**
 * The findings only the whole tree can give, the same for the aspect (at the App's completion) and the cdk-nag pack
 * (its `PipelineOrder`, `LayerVersionNotRetained` and `UnsupportedCdkRelease` rules): pipeline waves and stages,
 * layer versions shared with other stacks or apps that updates delete, and changed CDK internals. Pure: the same
 * facts give the same findings.
 */
export function treeFindings(facts: TreeFacts): TreeFinding[] {
  const findings: TreeFinding[] = [];
  for (const change of facts.changedInternals) {
    findings.push(changeFinding(change, facts.constructs));
  }
  for (const consumer of facts.consumers) {
    for (const finding of pipelineOrderFindings(consumer, facts.pipelineStacks)) {
      findings.push({ ...finding, scope: ownerScope(consumer.fn), resource: consumer.fn });
    }
  }
  const usedBy = new Map(facts.consumers.map(c => [c, layersUsed(c)]));
  for (const layer of facts.constructs) {
    if (!CfnResource.isCfnResource(layer) || layer.cfnResourceType !== LAYER_VERSION_TYPE) {
      continue;
    }
    const layerStack = Stack.of(layer);
    const followers = facts.consumers.filter(c => c.stack !== layerStack && usedBy.get(c)!.has(layer));
    const finding = retentionFinding(layer, followers, facts.publishedLayers.has(layer) ? facts.ownLockFile : undefined);
    if (finding) {
      findings.push({ ...finding, scope: ownerScope(layer), resource: layer });
    }
  }
  return findings;
}

/** Every layer version the producers publish: each one a CloudFormation condition can pick. */
export function publishedLayersOf(producers: readonly LayerProducer[]): Set<CfnResource> {
  return new Set(producers.flatMap(p => p.alternatives ?? (p.layer ? [p.layer] : [])));
}

/**
 * `UnsupportedCdkRelease` for one changed internal, on the construct where it was read. An annotation on the App
 * itself is shown by no `cdk synth`, so the first top-level stack carries one read there.
 */
function changeFinding(change: ChangedInternal, constructs: readonly IConstruct[]): TreeFinding {
  const root = change.scope.node.root;
  const scope = change.scope === root ? constructs.find(c => Stack.isStack(c)) ?? root : change.scope;
  const resource = CfnResource.isCfnResource(scope) ? scope
    : CfnResource.isCfnResource(scope.node.defaultChild) ? scope.node.defaultChild
      : scope.node.findAll().find((c): c is CfnResource => CfnResource.isCfnResource(c));
  return { definition: UNSUPPORTED_CDK_RELEASE, message: unsupportedCdkReleaseMessage(change), scope, resource };
}
