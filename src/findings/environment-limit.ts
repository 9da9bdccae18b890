import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';

/** The `ENVIRONMENT` target cannot hold the fingerprint for this function. */
export const ENVIRONMENT_LIMIT: FindingDefinition = {
  id: 'cdk-layer-sync:EnvironmentLimit',
  defaultLevel: FindingLevel.ERROR,
  explanation: 'The fingerprint variable would break a Lambda limit (no environment for Lambda@Edge, 4 KB of variables '
    + 'in total), so it was not written, and the function will not move with its layer.',
};

/** Message naming the function, the variable, the limit it would break and the fix. */
export function environmentLimitMessage(functionPath: string, variableName: string, reason: string): string {
  return `the layer fingerprint was not written into ${variableName} of function ${functionPath}: ${reason}. `
    + 'Deploying it would fail, so the function is left as it was, and it will not move with its layer. '
    + 'Fix: use `target: FingerprintTarget.DESCRIPTION` (the default), or make room in the environment.';
}
