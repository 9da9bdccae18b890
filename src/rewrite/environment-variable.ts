/** The variable written when `target` is `ENVIRONMENT` and no name is given. */
export const DEFAULT_ENVIRONMENT_VARIABLE_NAME = 'LAYER_FINGERPRINTS';

const VARIABLE_NAME = /^[a-zA-Z][a-zA-Z0-9_]+$/;

/** Throws unless `name` is a name Lambda accepts for an environment variable set by the user. */
export function validateEnvironmentVariableName(name: unknown): void {
  if (typeof name !== 'string' || !VARIABLE_NAME.test(name)) {
    throw new Error('LayerDependencyAspectProps.environmentVariableName: expected a Lambda environment variable name '
      + `(a letter, then letters, digits or '_', at least 2 characters), got ${JSON.stringify(name)}`);
  }
  if (name.startsWith('AWS_')) {
    throw new Error(`LayerDependencyAspectProps.environmentVariableName: '${name}' starts with 'AWS_', which Lambda `
      + 'reserves for its own variables; choose another name, such as the default LAYER_FINGERPRINTS');
  }
}

/** The value written into the variable: the short fingerprints of the tracked layers, in layer order. */
export function environmentValue(shortFingerprints: readonly string[]): string {
  return shortFingerprints.join(',');
}
