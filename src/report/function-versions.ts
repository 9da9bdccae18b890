import * as fs from 'fs';
import * as path from 'path';
import { Stack, Stage } from 'aws-cdk-lib';

const VERSION_TYPE = 'AWS::Lambda::Version';
const ALIAS_TYPE = 'AWS::Lambda::Alias';

/** A function's versions (logical ids) and aliases (names), as its stack declares them. */
export interface FunctionVersions {
  readonly versions: string[];
  readonly aliases: string[];
}

interface TemplateResource {
  readonly Type?: string;
  readonly Properties?: { readonly FunctionName?: { readonly Ref?: unknown }; readonly Name?: unknown };
}

/**
 * The versions and aliases of every function of a stack, by the function's logical id: the resources that move
 * when the function's configuration changes. Read from the template the stack's synthesis wrote (a Version's
 * logical id is a hash CDK computes at synthesis, costly to resolve again); empty when it cannot be read.
 */
export function versionsByFunction(stack: Stack): Map<string, FunctionVersions> {
  const byFunction = new Map<string, FunctionVersions>();
  const assemblyDirectory = Stage.of(stack)?.outdir;
  let resources: Record<string, TemplateResource>;
  try {
    const template = JSON.parse(fs.readFileSync(path.join(assemblyDirectory ?? '', stack.templateFile), 'utf-8'));
    resources = template.Resources ?? {};
  } catch {
    return byFunction;
  }
  for (const [logicalId, resource] of Object.entries(resources)) {
    const fn = resource.Properties?.FunctionName?.Ref;
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
      found.aliases.push(resource.Properties.Name);
    }
  }
  return byFunction;
}
