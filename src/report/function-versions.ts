import { Stack } from 'aws-cdk-lib';
import { synthesizedTemplate } from '../cdk-internals/synthesis-phase';

const VERSION_TYPE = 'AWS::Lambda::Version';
const ALIAS_TYPE = 'AWS::Lambda::Alias';

/** A function's versions (logical ids) and aliases (names), as its stack declares them. */
export interface FunctionVersions {
  readonly versions: string[];
  readonly aliases: string[];
}

/**
 * The versions and aliases of every function of a stack, by the function's logical id: the resources that move
 * when the function's configuration changes. Read from the template the stack's synthesis wrote (a Version's
 * logical id is a hash CDK computes at synthesis, costly to resolve again). Empty when CDK had not written the
 * template, which is recorded for `UnsupportedCdkRelease` (`synthesizedTemplate`).
 */
export function versionsByFunction(stack: Stack): Map<string, FunctionVersions> {
  const byFunction = new Map<string, FunctionVersions>();
  const resources = synthesizedTemplate(stack)?.Resources ?? {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    const fn = (resource.Properties?.FunctionName as { Ref?: unknown } | undefined)?.Ref;
    if (typeof fn !== 'string' || (resource.Type !== VERSION_TYPE && resource.Type !== ALIAS_TYPE)) {
      continue;
    }
    let found = byFunction.get(fn);
    if (!found) {
      found = { versions: [], aliases: [] };
      byFunction.set(fn, found);
    }
    if (resource.Type === VERSION_TYPE) {
      found.versions.push(logicalId);
    } else if (typeof resource.Properties?.Name === 'string') {
      found.aliases.push(resource.Properties.Name as string);
    }
  }
  return byFunction;
}
