import { CfnResource, Stack } from 'aws-cdk-lib';
import { findElementByLogicalId, renderedProperties } from '../cfn/cfn-elements';

/** Lambda's limit on the total size of a function's environment variables (names and values), in bytes. */
export const MAX_ENVIRONMENT_BYTES = 4096;

const EDGE_PRINCIPAL = 'edgelambda.amazonaws.com';

/**
 * True when the function is a Lambda@Edge function: its execution role (a role of the same stack) can be
 * assumed by `edgelambda.amazonaws.com`, which Lambda@Edge requires (`experimental.EdgeFunction` sets it up
 * so). Lambda@Edge functions cannot have environment variables.
 */
export function isEdgeFunction(fn: CfnResource): boolean {
  const stack = Stack.of(fn);
  const role = renderedProperties(fn).Role as { 'Fn::GetAtt'?: [string, string] } | undefined;
  const roleId = role?.['Fn::GetAtt']?.[0];
  const element = roleId ? findElementByLogicalId(stack, roleId) : undefined;
  if (!element || !CfnResource.isCfnResource(element)) {
    return false;
  }
  return JSON.stringify(renderedProperties(element).AssumeRolePolicyDocument ?? {}).includes(EDGE_PRINCIPAL);
}

/**
 * The size Lambda counts for a function's environment once `name` is set to `value`: the UTF-8 bytes of every
 * variable name and literal value. Values that are CloudFormation intrinsics resolve at deploy time and count
 * as nothing here, so the result is a lower bound for them.
 */
export function environmentBytesWith(fn: CfnResource, name: string, value: string): number {
  const environment = renderedProperties(fn).Environment as { Variables?: Record<string, unknown> } | undefined;
  const variables: Record<string, unknown> = { ...(environment?.Variables ?? {}), [name]: value };
  return Object.entries(variables).reduce((total, [key, v]) =>
    total + Buffer.byteLength(key) + (typeof v === 'string' ? Buffer.byteLength(v) : 0), 0);
}
