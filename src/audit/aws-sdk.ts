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

/**
 * Count every command a client sends (once per call) in `commands`, and every HTTP request it makes (once per
 * attempt: the SDK's retries of throttling and server errors included) in `requests`.
 */
export function countCalls(client: { middlewareStack: { add: (...args: never[]) => void } }, commands: CallCounts, requests: CallCounts = {}): void {
  const add = client.middlewareStack.add as (middleware: unknown, options: unknown) => void;
  const counter = (counts: CallCounts) => (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
    const name = context.commandName ?? 'unknown';
    counts[name] = (counts[name] ?? 0) + 1;
    return next(args);
  };
  add(counter(commands), { step: 'initialize', name: 'cdkLayerSyncCallCounter' });
  // After the retry middleware (finalizeRequest, high priority), so that each attempt is counted.
  add(counter(requests), { step: 'finalizeRequest', priority: 'low', name: 'cdkLayerSyncRequestCounter' });
}

/**
 * `maxAttempts` from `AWS_MAX_ATTEMPTS`, as the SDK reads it, or `fallback`; a value that is no whole number of 1 or
 * more is an error (the SDK would read it as no retries at all, in silence).
 */
export function maxAttemptsOf(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') {
    return fallback;
  }
  const attempts = Number(value);
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new Error(`AWS_MAX_ATTEMPTS must be a whole number of attempts, 1 or more (the first try included), got '${value}'; `
      + `unset it for audit's default of ${fallback}`);
  }
  return attempts;
}

/** The error of a client with no region, saying how to give one. */
export function noRegionError(cause: unknown): Error {
  return new Error('no AWS region: give one with --region, with AWS_REGION (or AWS_DEFAULT_REGION), or with a profile '
    + `that has a region (AWS_PROFILE) (${(cause as Error).message})`);
}

/** The SDK's own advice on reading its internals, which means nothing to a user of audit. */
const SDK_INTERNALS = /\s*Deserialization error: to see the raw response, inspect the hidden field \{error\}\.\$response on this object\.?/g;

/** An error of audit's reading of one call, with the AWS error name the reader can act on (`ResourceNotFoundException`). */
export class AuditCallError extends Error {
  constructor(message: string, public readonly awsName: string, public readonly httpStatus?: number) {
    super(message);
    this.name = 'AuditCallError';
  }
}

/**
 * An SDK error as the user needs to read it: no credentials, or access denied naming the call and the IAM action
 * it needs; anything else as the SDK said it (after its own retries, throttling included).
 */
export function describeAwsError(error: unknown, command: string, target: string): AuditCallError {
  const e = error as { name?: string; message?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  const name = e.name ?? e.Code ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const said = (e.message ?? '').replace(SDK_INTERNALS, '').trim();
  const call = command.replace(/Command$/, '');
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(said)) {
    return new AuditCallError('no AWS credentials: audit uses the standard chain (AWS_PROFILE or a profile from `aws configure '
      + 'sso`, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a web identity, the instance or container role); '
      + `set one and run again (${said})`, name, status);
  }
  if (/Region is missing/i.test(said)) {
    return new AuditCallError(noRegionError(error).message, name, status);
  }
  if (/AccessDenied|UnauthorizedOperation|UnrecognizedClient|InvalidClientTokenId/.test(name)) {
    return new AuditCallError(`${name} on ${call} (${target}): the credentials need `
      + `${IAM_ACTIONS[command] ?? 'read access'}; docs/audit.md gives the whole read-only policy (${said})`, name, status);
  }
  if (status !== undefined && (name === 'Unknown' || name === 'UnknownError' || said === '' || said === 'UnknownError')) {
    // No error the service named: the HTTP status is what there is to go on.
    const hint = status >= 500 ? 'the service failed: run again later'
      : 'check the endpoint (AWS_ENDPOINT_URL, a proxy) and the region: the answer did not come from the Lambda or SSM API';
    return new AuditCallError(`${call} (${target}) failed with HTTP ${status} and no error the service named; ${hint}`, name, status);
  }
  return new AuditCallError(`${call} (${target}) failed${status !== undefined ? ` with HTTP ${status}` : ''}: ${name}: ${said}`, name, status);
}
