import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';

/** The `ENVIRONMENT` target cannot hold the fingerprint for this function. */
export const ENVIRONMENT_LIMIT: FindingDefinition = {
  id: 'cdk-layer-sync:EnvironmentLimit',
  levelProp: 'environmentLimit',
  defaultLevel: FindingLevel.ERROR,
  explanation: 'The fingerprint variable would break a Lambda limit (no environment for Lambda@Edge, 4 KB of variables '
    + 'in total) or overwrite the function\'s own variable of that name, so it was not written, and the function will '
    + 'not move with its layer.',
};

/** Message naming the function, the variable, the limit it would break and the fix. */
export function environmentLimitMessage(functionPath: string, variableName: string, reason: string): string {
  return `the layer fingerprint was not written into ${variableName} of function ${functionPath}: ${reason}. `
    + 'The function is left as it was, so it will not move with its layer. '
    + 'Fix: use `target: FingerprintTarget.DESCRIPTION` (the default), make room in the environment, or give '
    + '`environmentVariableName` a name the function does not use.';
}
