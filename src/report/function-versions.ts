import { CfnResource, Stack } from 'aws-cdk-lib';
import { renderedProperties } from '../cfn/cfn-elements';

const VERSION_TYPE = 'AWS::Lambda::Version';
const ALIAS_TYPE = 'AWS::Lambda::Alias';

/** A function's versions (logical ids) and aliases (names), as its stack declares them. */
export interface FunctionVersions {
  readonly versions: string[];
  readonly aliases: string[];
}

/** The logical id a `{ Ref: id }` (or the bare id) names, if that is what a resolved value is. */
function refTarget(value: unknown): string | undefined {
  const ref = (value as { Ref?: unknown } | null)?.Ref;
  return typeof ref === 'string' ? ref : undefined;
}

/**
 * The versions and aliases of every function of a stack, by the function's logical id: the resources that move
 * when the function's configuration changes. Read from the L1 resources, so every L2 flavour counts.
 */
export function versionsByFunction(stack: Stack): Map<string, FunctionVersions> {
  const byFunction = new Map<string, { versions: string[]; aliases: string[] }>();
  const entry = (id: string) => {
    let found = byFunction.get(id);
    if (!found) {
      found = { versions: [], aliases: [] };
      byFunction.set(id, found);
    }
    return found;
  };
  for (const construct of stack.node.findAll()) {
    if (!CfnResource.isCfnResource(construct) || Stack.of(construct) !== stack) {
      continue;
    }
    if (construct.cfnResourceType !== VERSION_TYPE && construct.cfnResourceType !== ALIAS_TYPE) {
      continue;
    }
    try {
      const properties = renderedProperties(construct);
      const fn = refTarget(properties.FunctionName);
      if (!fn) {
        continue;
      }
      if (construct.cfnResourceType === VERSION_TYPE) {
        entry(fn).versions.push(stack.resolve(construct.logicalId));
      } else {
        const name = properties.Name;
        if (typeof name === 'string') {
          entry(fn).aliases.push(name);
        }
      }
    } catch {
      // A version or alias whose properties cannot be resolved is left out of the report.
    }
  }
  return byFunction;
}
