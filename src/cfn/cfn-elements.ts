import { CfnElement, Stack } from 'aws-cdk-lib';

/** The CloudFormation element of `stack` (not of a nested stack) with the given logical id, if any. */
export function findElementByLogicalId(stack: Stack, logicalId: string): CfnElement | undefined {
  return stack.node.findAll()
    .filter((c): c is CfnElement => CfnElement.isCfnElement(c) && Stack.of(c) === stack)
    .find(e => stack.resolve(e.logicalId) === logicalId);
}

interface RenderableElement {
  _toCloudFormation(): { Resources?: Record<string, { Properties?: Record<string, unknown> }> };
}

/**
 * The resolved CloudFormation properties of a resource, as the template will hold them: L1 properties with
 * every property override applied.
 *
 * @throws when a property holds a token that cannot be resolved
 */
export function renderedProperties(resource: CfnElement): Record<string, unknown> {
  const rendered = Stack.of(resource).resolve((resource as unknown as RenderableElement)._toCloudFormation());
  const body = Object.values<{ Properties?: Record<string, unknown> }>(rendered?.Resources ?? {})[0];
  return body?.Properties ?? {};
}
