import { CfnResource, Stack } from 'aws-cdk-lib';
import { composeDescription, ComposedDescription } from './description-marker';
import { environmentBytesWith, isEdgeFunction, MAX_ENVIRONMENT_BYTES } from './environment-limits';
import { environmentValue } from './environment-variable';

interface DescribedResource {
  description?: unknown;
  readonly _cfnProperties?: Record<string, unknown>;
  readonly rawOverrides?: { Properties?: Record<string, unknown> };
}

/** Outcome of writing the description: what was written, or why nothing could be. */
export interface DescriptionRewrite {
  readonly composed?: ComposedDescription;
  readonly error?: string;
}

/**
 * Write the fingerprint marker into a function's description, keeping the user's own text.
 *
 * The description is read where CloudFormation will read it: a property override when there is one
 * (CDK's `FunctionVersionUpgrade` writes one), else the L1 property. A description that is not a literal
 * string cannot be extended and is reported back as an error.
 */
export function rewriteDescription(fn: CfnResource, shortFingerprints: readonly string[]): DescriptionRewrite {
  const like = fn as unknown as DescribedResource;
  const override = like.rawOverrides?.Properties?.Description;
  const hasOverride = override !== undefined;
  const hasProperty = 'description' in like;
  const unresolved = hasOverride ? override : hasProperty ? like.description : like._cfnProperties?.Description;
  let current: unknown;
  try {
    current = Stack.of(fn).resolve(unresolved);
  } catch (error) {
    return { error: `its description could not be resolved: ${(error as Error).message}` };
  }
  if (current !== undefined && typeof current !== 'string') {
    return { error: `its description is not a literal string but ${JSON.stringify(current)}` };
  }
  const composed = composeDescription(current, shortFingerprints);
  if (hasOverride || !hasProperty) {
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
    const bytes = environmentBytesWith(fn, variableName, value);
    if (bytes > MAX_ENVIRONMENT_BYTES) {
      return { refused: `with it, the function's environment variables would take ${bytes} bytes, over Lambda's limit of ${MAX_ENVIRONMENT_BYTES}` };
    }
  } catch (error) {
    return { error: `its properties could not be resolved: ${(error as Error).message}` };
  }
  fn.addPropertyOverride(`Environment.Variables.${variableName}`, value);
  return {};
}
