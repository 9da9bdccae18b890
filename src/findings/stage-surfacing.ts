import { Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { FindingDefinition, reportFinding } from './finding';
import { FindingLevel } from './finding-level';

/**
 * The top-level stack (one of the root assembly's own) that contains `scope`, when `scope` is inside a
 * nested Stage; undefined when `scope` is already in the root assembly or no such stack contains it.
 */
export function topLevelStackAbove(scope: IConstruct): Stack | undefined {
  const root = scope.node.root;
  if (Stage.of(scope) === root) {
    return undefined;
  }
  for (let current = scope.node.scope; current; current = current.node.scope) {
    if (Stack.isStack(current) && Stage.of(current) === root) {
      return current;
    }
  }
  return undefined;
}

function topLevelStackOf(construct: IConstruct): Stack | undefined {
  const stack = Stack.of(construct);
  return Stage.of(stack) === construct.node.root && !stack.nestedStackParent ? stack : topLevelStackAbove(stack);
}

/**
 * Show a finding raised inside a nested Stage on a top-level stack too: the one that contains the Stage (a
 * CDK Pipelines stack, typically), else the stack of a pipeline that deploys it (`deployingPipeline`). A plain
 * `cdk synth` prints only the annotations of the App's top-level stacks, so a finding on a function inside
 * `PipelineStack/Dev/...` would otherwise be seen by nobody. The copy has the same id and level, and is made
 * only when the original stands (the caller knows), so acknowledging the finding on the function (or any scope
 * above it) silences both.
 *
 * @param deployingPipeline a pipeline construct that deploys the finding's stack, when one does
 */
export function surfaceFromStage(
  scope: IConstruct, definition: FindingDefinition, level: FindingLevel, message: string, deployingPipeline?: IConstruct,
): void {
  const top = topLevelStackAbove(scope) ?? (deployingPipeline && Stage.of(scope) !== scope.node.root
    ? topLevelStackOf(deployingPipeline) : undefined);
  if (!top) {
    return;
  }
  const stage = Stage.of(scope)!;
  reportFinding(top, definition, level, `inside Stage ${stage.node.path} (a plain \`cdk synth\` prints only top-level `
    + `stacks, so it is repeated on ${top.node.path}): ${message}`);
}
