import { CfnResource, Stack } from 'aws-cdk-lib';
import { propertyOverride } from '../cdk-internals/property-overrides';
import { renderedProperties } from '../cdk-internals/rendered-resource';
import { composeDescription, ComposedDescription } from './description-marker';
import { currentVariables, environmentBytesWith, isEdgeFunction, MAX_ENVIRONMENT_BYTES } from './environment-limits';
import { environmentValue, isEnvironmentValue } from './environment-variable';

/** Outcome of writing the description: what was written, or why nothing could be. */
export interface DescriptionRewrite {
  readonly composed?: ComposedDescription;
  readonly error?: string;
}

/**
 * Write the fingerprint marker into a function's description, keeping the user's own text.
 *
 * The description is read where CloudFormation will read it: a property override when there is one
 * (CDK's `FunctionVersionUpgrade` writes one), else the L1 property (else, for a raw `CfnResource`, its
 * rendering), and written back in the same place. A description that is not a literal string cannot be
 * extended and is reported back as an error.
 */
export function rewriteDescription(fn: CfnResource, shortFingerprints: readonly string[]): DescriptionRewrite {
  const like = fn as unknown as { description?: unknown };
  const override = propertyOverride(fn, 'Description');
  const hasProperty = 'description' in like;
  let current: unknown;
  try {
    current = override?.found ? Stack.of(fn).resolve(override.value)
      : override && hasProperty ? Stack.of(fn).resolve(like.description)
        : renderedProperties(fn).Description;
  } catch (error) {
    return { error: `its description could not be resolved: ${(error as Error).message}` };
  }
  if (current !== undefined && typeof current !== 'string') {
    return { error: `its description is not a literal string but ${JSON.stringify(current)}` };
  }
  const composed = composeDescription(current, shortFingerprints);
  if (override?.found !== false || !hasProperty) {
    fn.addPropertyOverride('Description', composed.description);
  } else {
    like.description = composed.description;
  }
  return { composed };
}

/** Outcome of writing the environment variable: nothing when it was written, else why not. */
export interface EnvironmentRewrite {
  /** A Lambda limit the variable would break; nothing was written. */
  readonly refused?: string;
  /** The function's properties could not be resolved; nothing was written. */
  readonly error?: string;
}

/**
 * Set one environment variable to the tracked layers' short fingerprints; other variables are kept. Refused,
 * with the reason, where Lambda would reject it: on a Lambda@Edge function, or past 4 KB of variables.
 */
export function rewriteEnvironment(fn: CfnResource, variableName: string, shortFingerprints: readonly string[]): EnvironmentRewrite {
  const value = environmentValue(shortFingerprints);
  try {
    if (isEdgeFunction(fn)) {
      return { refused: 'it is a Lambda@Edge function (its role trusts edgelambda.amazonaws.com), and Lambda@Edge takes no environment variables' };
    }
    const variables = currentVariables(fn);
    const own = variables[variableName];
    if (own !== undefined && !isEnvironmentValue(own)) {
      return { refused: `the function already sets ${variableName} to its own value ${JSON.stringify(own).slice(0, 60)}, `
        + 'which the fingerprint would overwrite: give environmentVariableName another name' };
    }
    const bytes = environmentBytesWith(fn, variableName, value, variables);
    if (bytes > MAX_ENVIRONMENT_BYTES) {
      return { refused: `with it, the function's environment variables would take ${bytes} bytes, over Lambda's limit of ${MAX_ENVIRONMENT_BYTES}` };
    }
  } catch (error) {
    return { error: `its properties could not be resolved: ${(error as Error).message}` };
  }
  fn.addPropertyOverride(`Environment.Variables.${variableName}`, value);
  return {};
}
