import { CfnResource } from 'aws-cdk-lib';
import { TreeFacts } from '../facts/tree-facts';
import { FINDINGS } from '../findings/catalog';
import { TreeFinding } from '../findings/finding';
import { LayerProducer } from '../producers/layer-producer';

/**
 * The findings only the whole tree can give, the same for the aspect (at the App's completion) and the cdk-nag pack
 * (its tree rules): every `checkTree` of the catalogue, in its order (pipeline waves and stages, layer versions
 * shared with other stacks or apps that updates delete, changed CDK internals). Pure: the same facts give the same
 * findings.
 */
export function treeFindings(facts: TreeFacts): TreeFinding[] {
  return FINDINGS.flatMap(definition => definition.checkTree?.(facts) ?? []);
}

/** Every layer version the producers publish: each one a CloudFormation condition can pick. */
export function publishedLayersOf(producers: readonly LayerProducer[]): Set<CfnResource> {
  return new Set(producers.flatMap(p => p.alternatives ?? (p.layer ? [p.layer] : [])));
}
