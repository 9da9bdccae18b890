import { Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { nearestStage } from '../cfn/nearest-stage';

/**
 * The constructs that `scope`'s own synthesis covers: `scope` and its descendants, without the Stages below it
 * (each synthesizes its own cloud assembly, with its own aspects). Listed parents first, as CDK visits them.
 */
export function assemblyConstructs(scope: IConstruct): IConstruct[] {
  const found: IConstruct[] = [];
  const visit = (construct: IConstruct) => {
    found.push(construct);
    for (const child of construct.node.children) {
      if (!Stage.isStage(child)) {
        visit(child);
      }
    }
  };
  visit(scope);
  return found;
}

/** The construct whose synthesis covers `node`: its nearest Stage (or the tree's root when there is none). */
export function synthesisScopeOf(node: IConstruct): IConstruct {
  return nearestStage(node) ?? node.node.root;
}
