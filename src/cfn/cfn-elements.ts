import { CfnElement, Stack } from 'aws-cdk-lib';

/** The CloudFormation element of `stack` (not of a nested stack) with the given logical id, if any. */
export function findElementByLogicalId(stack: Stack, logicalId: string): CfnElement | undefined {
  return stack.node.findAll()
    .filter((c): c is CfnElement => CfnElement.isCfnElement(c) && Stack.of(c) === stack)
    .find(e => stack.resolve(e.logicalId) === logicalId);
}
