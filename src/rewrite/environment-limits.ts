import { CfnResource } from 'aws-cdk-lib';
import { renderedProperties } from '../cdk-internals/rendered-resource';
import { referenceOf, resolvePropertyWithReferences } from '../detect/capture-references';

/** Lambda's limit on the total size of a function's environment variables (names and values), in bytes. */
export const MAX_ENVIRONMENT_BYTES = 4096;

const EDGE_PRINCIPAL = 'edgelambda.amazonaws.com';

/**
 * True when the function is a Lambda@Edge function: its execution role, found through the reference itself (no
 * scan of the stack), can be assumed by `edgelambda.amazonaws.com`, which Lambda@Edge requires
 * (`experimental.EdgeFunction` sets it up so). Lambda@Edge functions cannot have environment variables.
 */
export function isEdgeFunction(fn: CfnResource): boolean {
  const resolved = resolvePropertyWithReferences(fn, 'role', 'Role');
  const role = referenceOf(resolved, resolved.value)?.reference.target;
  if (!role || !CfnResource.isCfnResource(role)) {
    return false;
  }
  return JSON.stringify(renderedProperties(role).AssumeRolePolicyDocument ?? {}).includes(EDGE_PRINCIPAL);
}

/**
 * The size Lambda counts for a function's environment once `name` is set to `value`: the UTF-8 bytes of every
 * variable name and literal value. Values that are CloudFormation intrinsics resolve at deploy time and count
 * as nothing here, so the result is a lower bound for them.
 */
export function environmentBytesWith(
  fn: CfnResource, name: string, value: string, current: Record<string, unknown> = currentVariables(fn),
): number {
  const variables: Record<string, unknown> = { ...current, [name]: value };
  return Object.entries(variables).reduce((total, [key, v]) =>
    total + Buffer.byteLength(key) + (typeof v === 'string' ? Buffer.byteLength(v) : 0), 0);
}

/** The function's environment variables as the template will hold them (overrides included). */
export function currentVariables(fn: CfnResource): Record<string, unknown> {
  const environment = renderedProperties(fn).Environment as { Variables?: Record<string, unknown> } | undefined;
  return { ...(environment?.Variables ?? {}) };
}
