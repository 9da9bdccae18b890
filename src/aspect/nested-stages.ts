import { AspectPriority, Aspects, IAspect, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** Every Stage below `root` at any depth, deepest first. */
export function nestedStages(root: IConstruct): Stage[] {
  const found: Stage[] = [];
  const walk = (node: IConstruct) => {
    for (const child of node.node.children) {
      walk(child);
      if (Stage.isStage(child)) {
        found.push(child);
      }
    }
  };
  walk(root);
  return found;
}

/**
 * Carry an aspect into the Stages below `root` and synthesize them again.
 *
 * CDK does not carry App aspects into Stages, and it synthesizes nested Stages before it invokes the
 * App's aspects. So the aspect is added to every Stage not yet covered, and those Stages are synthesized
 * again, deepest first, with `force` (a parent's synthesis then reuses its children's new assemblies).
 * Costs one more synthesis of each Stage.
 */
export function coverNestedStages(root: Stage, aspect: IAspect, covered: WeakSet<Stage>): void {
  const priority = Aspects.of(root).applied.find(a => a.aspect === aspect)?.priority ?? AspectPriority.MUTATING;
  const uncovered = nestedStages(root).filter(stage => !covered.has(stage));
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
