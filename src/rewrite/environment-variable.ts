/** The variable written when `target` is `ENVIRONMENT` and no name is given. */
export const DEFAULT_ENVIRONMENT_VARIABLE_NAME = 'LAYER_FINGERPRINTS';

const VARIABLE_NAME = /^[a-zA-Z][a-zA-Z0-9_]+$/;

/**
 * The variables Lambda reserves besides every `AWS_` name: a function that sets one fails to deploy
 * (docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html, "Defined runtime environment variables").
 */
export const LAMBDA_RESERVED_VARIABLES: readonly string[] = ['_HANDLER', '_X_AMZN_TRACE_ID', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR'];

/** Throws unless `name` is a name Lambda accepts for an environment variable set by the user. */
export function validateEnvironmentVariableName(name: unknown): void {
  if (typeof name === 'string' && LAMBDA_RESERVED_VARIABLES.includes(name)) {
    throw new Error(`LayerDependencyAspectProps.environmentVariableName: '${name}' is reserved by Lambda (with every AWS_ `
      + `name and ${LAMBDA_RESERVED_VARIABLES.filter(n => n !== name).join(', ')}), so the function would fail to deploy; `
      + 'choose another name, such as the default LAYER_FINGERPRINTS');
  }
  if (typeof name !== 'string' || !VARIABLE_NAME.test(name)) {
    throw new Error('LayerDependencyAspectProps.environmentVariableName: expected a Lambda environment variable name '
      + `(a letter, then letters, digits or '_', at least 2 characters), got ${JSON.stringify(name)}`);
  }
  if (name.startsWith('AWS_')) {
    throw new Error(`LayerDependencyAspectProps.environmentVariableName: '${name}' starts with 'AWS_', which Lambda `
      + 'reserves for its own variables; choose another name, such as the default LAYER_FINGERPRINTS');
  }
}

/** True when `value` is one this library writes: short fingerprints, comma-separated (or none). */
export function isEnvironmentValue(value: unknown): boolean {
  return typeof value === 'string' && /^([0-9a-f]{12}(,[0-9a-f]{12})*)?$/.test(value);
}

/** The value written into the variable: the short fingerprints of the tracked layers, in layer order. */
export function environmentValue(shortFingerprints: readonly string[]): string {
  return shortFingerprints.join(',');
}
