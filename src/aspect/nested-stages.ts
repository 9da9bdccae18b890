import { AspectPriority, Aspects, IAspect, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** True when `node` is below `ancestor` in the construct tree. */
function isBelow(node: IConstruct, ancestor: IConstruct): boolean {
  for (let scope = node.node.scope; scope; scope = scope.node.scope) {
    if (scope === ancestor) {
      return true;
    }
  }
  return false;
}

/**
 * Carry an aspect into the Stages below `root` and synthesize them again.
 *
 * CDK does not carry App aspects into Stages, and it synthesizes nested Stages before it invokes the
 * App's aspects. So the aspect is added to every Stage not yet covered, and those Stages are synthesized
 * again, deepest first, with `force` (a parent's synthesis then reuses its children's new assemblies).
 * Costs one more synthesis of each Stage.
 *
 * @param stagesDeepestFirst every Stage of the tree, each listed before the Stages that contain it
 */
export function coverNestedStages(root: Stage, aspect: IAspect, covered: WeakSet<Stage>, stagesDeepestFirst: readonly Stage[]): void {
  const uncovered = stagesDeepestFirst.filter(stage => !covered.has(stage) && isBelow(stage, root));
  if (uncovered.length === 0) {
    return;
  }
  const priority = Aspects.of(root).applied.find(a => a.aspect === aspect)?.priority ?? AspectPriority.MUTATING;
  for (const stage of uncovered) {
    covered.add(stage);
    if (!Aspects.of(stage).all.includes(aspect)) {
      Aspects.of(stage).add(aspect, { priority });
    }
  }
  for (const stage of uncovered) {
    stage.synth({ force: true });
  }
}
