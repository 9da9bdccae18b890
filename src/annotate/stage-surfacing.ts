import { Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { nearestStage } from '../cfn/nearest-stage';
import { FindingDefinition } from '../findings/finding';
import { FindingLevel } from '../findings/finding-level';
import { reportFinding } from './report-finding';

/**
 * The top-level stack (one of the root assembly's own) that contains `scope`, when `scope` is inside a
 * nested Stage; undefined when `scope` is already in the root assembly or no such stack contains it.
 */
export function topLevelStackAbove(scope: IConstruct): Stack | undefined {
  const root = scope.node.root;
  if (!isInNestedStage(scope)) {
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

/** True when `scope` is inside a Stage below the root: its annotations go into a nested cloud assembly. */
export function isInNestedStage(scope: IConstruct): boolean {
  const stage = nearestStage(scope);
  return stage !== undefined && stage !== scope.node.root;
}

/**
 * The top-level stack that shows a finding raised inside a nested Stage: the one that contains the Stage (a CDK
 * Pipelines stack, typically), else the stack of a pipeline that deploys it. Undefined when the scope is in the
 * root assembly, or when no top-level stack relates to it (a Stage directly under the App, deployed by no pipeline).
 *
 * @param deployingPipeline a pipeline construct that deploys the finding's stack, when one does
 */
function surfaceCarrier(scope: IConstruct, deployingPipeline?: IConstruct): Stack | undefined {
  if (!isInNestedStage(scope)) {
    return undefined;
  }
  return topLevelStackAbove(scope) ?? (deployingPipeline ? topLevelStackOf(deployingPipeline) : undefined);
}

/**
 * Show a finding raised inside a nested Stage on a top-level stack (`surfaceCarrier`) too. A plain `cdk synth`
 * prints only the annotations of the App's top-level stacks, so a finding on a function inside
 * `PipelineStack/Dev/...` would otherwise be seen by nobody. The copy has the same id and level; the caller makes
 * it only while the original stands, so acknowledging the finding on the function (or any scope above it)
 * silences both.
 *
 * @returns the stack that shows the copy; undefined when no top-level stack can
 */
export function surfaceFromStage(
  scope: IConstruct, definition: FindingDefinition, level: FindingLevel, message: string, deployingPipeline?: IConstruct,
): Stack | undefined {
  const top = surfaceCarrier(scope, deployingPipeline);
  if (top) {
    reportFinding(top, definition, level, surfacedMessage(scope, top, message));
  }
  return top;
}

/** The text of a surfaced copy: where the finding stands, and where it is repeated. */
export function surfacedMessage(scope: IConstruct, top: Stack | undefined, message: string): string {
  const stage = nearestStage(scope)!;
  const where = top ? `it is repeated on ${top.node.path}` : 'no top-level stack relates to it';
  return `inside Stage ${stage.node.path} (a plain \`cdk synth\` prints only top-level stacks, so ${where}): ${message}`;
}
