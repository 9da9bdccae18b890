// The AWS SDK for JavaScript v3, loaded only by `cdk-layer-sync audit`: the aspect, `cdk synth` and the Python
// package never load it. It is an optional peer dependency; without it, audit says what to install.
import type * as CloudFormation from '@aws-sdk/client-cloudformation';
import type * as Lambda from '@aws-sdk/client-lambda';
import type * as Ssm from '@aws-sdk/client-ssm';

/** The SDK packages audit needs, for the install hint. */
export const SDK_PACKAGES = ['@aws-sdk/client-lambda', '@aws-sdk/client-ssm', '@aws-sdk/client-cloudformation'];

/** The read-only calls audit makes, with the IAM action each needs. */
export const IAM_ACTIONS: Record<string, string> = {
  ListFunctionsCommand: 'lambda:ListFunctions',
  ListAliasesCommand: 'lambda:ListAliases',
  GetFunctionConfigurationCommand: 'lambda:GetFunctionConfiguration',
  ListLayerVersionsCommand: 'lambda:ListLayerVersions',
  GetParameterCommand: 'ssm:GetParameter',
  ListStackResourcesCommand: 'cloudformation:ListStackResources',
};

export interface AuditSdk {
  readonly lambda: typeof Lambda;
  readonly ssm: typeof Ssm;
  readonly cloudFormation: typeof CloudFormation;
}

/** Load the SDK from the user's project; a clear error naming the packages to install when it is not there. */
export function loadSdk(): AuditSdk {
  try {
    return {
      lambda: require('@aws-sdk/client-lambda'),
      ssm: require('@aws-sdk/client-ssm'),
      cloudFormation: require('@aws-sdk/client-cloudformation'),
    };
  } catch (error) {
    throw new Error('audit reads your account with the AWS SDK for JavaScript v3, which is not installed here '
      + `(${(error as Error).message.split('\n')[0]}); install it beside cdk-layer-sync: `
      + `npm install --save-dev ${SDK_PACKAGES.join(' ')}`);
  }
}

/** Counts of the API calls made, by command name: the bench and the tests read them. */
export type CallCounts = Record<string, number>;

/** Count every command a client sends (once per call, not per retry). */
export function countCalls(client: { middlewareStack: { add: (...args: never[]) => void } }, counts: CallCounts): void {
  const add = client.middlewareStack.add as (middleware: unknown, options: unknown) => void;
  add((next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
    const name = context.commandName ?? 'unknown';
    counts[name] = (counts[name] ?? 0) + 1;
    return next(args);
  }, { step: 'initialize', name: 'cdkLayerSyncCallCounter' });
}

/**
 * An SDK error as the user needs to read it: no credentials, or access denied naming the call and the IAM action
 * it needs; anything else as the SDK said it (after its own retries, throttling included).
 */
export function describeAwsError(error: unknown, command: string, target: string): Error {
  const e = error as { name?: string; message?: string; Code?: string };
  const name = e.name ?? e.Code ?? 'Error';
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(e.message ?? '')) {
    return new Error('no AWS credentials: audit uses the standard chain (AWS_PROFILE or a profile from `aws configure '
      + 'sso`, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a web identity, the instance or container role); '
      + `set one and run again (${e.message})`);
  }
  if (/AccessDenied|UnauthorizedOperation|UnrecognizedClient|InvalidClientTokenId/.test(name)) {
    return new Error(`${name} on ${command.replace(/Command$/, '')} (${target}): the credentials need `
      + `${IAM_ACTIONS[command] ?? 'read access'}; docs/audit.md gives the whole read-only policy (${e.message})`);
  }
  return new Error(`${command.replace(/Command$/, '')} (${target}) failed: ${name}: ${e.message}`);
}
