import type * as CloudFormation from '@aws-sdk/client-cloudformation';
import type * as Lambda from '@aws-sdk/client-lambda';
import type * as Ssm from '@aws-sdk/client-ssm';
import { LayerRegistryEntry } from '../registry/layer-registry-entry';
import { LayerDependencyReport } from '../report/report-shape';
import { AuditedAlias, AuditedFunction, CurrentLayerVersion } from './audit-model';
import { AuditCallError, AuditSdk, CallCounts, countCalls, describeAwsError, maxAttemptsOf, noRegionError } from './aws-sdk';
import { parseLayerVersionArn } from './layer-arn';
import { mapConcurrently } from './map-concurrently';

/** What to read, and where the current layer versions come from. */
export interface AccountReadOptions {
  /** The region to read; the SDK's default (AWS_REGION, the profile) when absent. */
  readonly region?: string;
  /** Only the functions of these CloudFormation stacks. */
  readonly stacks: string[];
  /** Only the consumers of this app's report, and their layers' parameters as current versions. */
  readonly report?: LayerDependencyReport;
  /** SSM parameters holding layer version ARNs: their values are the current versions. */
  readonly parameters: string[];
  /** Lock file entries: their parameters' values are current versions, in their account and region. */
  readonly lockEntries: Array<{ file: string; entry: LayerRegistryEntry }>;
  /** At most this many functions read at once. */
  readonly concurrency: number;
  /** Called as functions are read: (done, total). */
  readonly progress?: (done: number, total: number) => void;
}

/** The account as audit read it. */
export interface AccountReading {
  readonly region: string;
  readonly functions: AuditedFunction[];
  readonly current: Map<string, CurrentLayerVersion>;
  /** What the reader must know: parameters not found, functions of other regions or accounts left out. */
  readonly notes: string[];
  readonly calls: CallCounts;
  /** The HTTP requests made, by command: one per attempt, the SDK's retries included. */
  readonly requests: CallCounts;
}

/** Make one SDK call, turning its error into one the user can act on (see describeAwsError). */
type Call = <T>(command: string, target: string, send: () => Promise<T>) => Promise<T>;

interface Clients {
  readonly lambda: Lambda.LambdaClient;
  readonly ssm: Ssm.SSMClient;
  readonly cfn: CloudFormation.CloudFormationClient;
  readonly call: Call;
}

/**
 * Read, and only read, what the account's functions run: `$LATEST`, every alias and the versions they route to,
 * and the current version of every layer they use. One ListAliases call per function, plus one
 * GetFunctionConfiguration per distinct version its aliases route to.
 */
export async function readAccount(sdk: AuditSdk, options: AccountReadOptions): Promise<AccountReading> {
  const calls: CallCounts = {};
  const requests: CallCounts = {};
  const config = { ...(options.region ? { region: options.region } : {}), maxAttempts: maxAttemptsOf(process.env.AWS_MAX_ATTEMPTS, 8) };
  const lambda = new sdk.lambda.LambdaClient(config);
  const ssm = new sdk.ssm.SSMClient(config);
  const cfn = new sdk.cloudFormation.CloudFormationClient(config);
  [lambda, ssm, cfn].forEach(client => countCalls(client, calls, requests));
  const call: Call = async (command, target, send) => {
    try {
      return await send();
    } catch (error) {
      throw describeAwsError(error, command, target);
    }
  };
  const clients: Clients = { lambda, ssm, cfn, call };
  let region: string;
  try {
    region = await lambda.config.region();
  } catch (error) {
    throw noRegionError(error);
  }
  const notes: string[] = [];

  const stackOf = await functionStacks(sdk, clients, options, region, notes);
  const listed = await listFunctions(sdk, clients, region);
  const chosen = listed.filter(fn => (fn.Layers ?? []).length > 0 && (!stackOf || stackOf.has(fn.FunctionName!)));
  let done = 0;
  const read = await mapConcurrently(chosen, options.concurrency, async (fn): Promise<AuditedFunction | undefined> => {
    let aliases: AuditedAlias[];
    try {
      aliases = await readAliases(sdk, clients, fn.FunctionName!);
    } catch (error) {
      if ((error as AuditCallError).awsName !== 'ResourceNotFoundException') {
        throw error;
      }
      // Deleted (or one of its versions or aliases) between listing and reading: a deploy in progress, not an error.
      notes.push(`function ${fn.FunctionName} changed while audit read it (${(error as Error).message}): not audited; run audit again`);
      return undefined;
    } finally {
      options.progress?.(++done, chosen.length);
    }
    return { name: fn.FunctionName!, stack: stackOf?.get(fn.FunctionName!), latestLayers: (fn.Layers ?? []).map(l => l.Arn!), aliases };
  });
  const functions = read.filter((fn): fn is AuditedFunction => fn !== undefined);

  const account = /^arn:[^:]+:lambda:[^:]+:(\d{12}):/.exec(chosen[0]?.FunctionArn ?? '')?.[1];
  const current = await currentVersions(sdk, clients, options, functions, { region, account }, notes);
  return { region, functions, current, notes, calls, requests };
}

async function functionStacks(
  sdk: AuditSdk, { cfn, call }: Clients, options: AccountReadOptions, region: string, notes: string[],
): Promise<Map<string, string> | undefined> {
  const stacks = new Set(options.stacks);
  for (const consumer of options.report?.consumers ?? []) {
    if (consumer.region && consumer.region !== region) {
      notes.push(`${consumer.stack}/${consumer.function} deploys to region ${consumer.region}; this audit reads ${region}: `
        + `run it again with --region ${consumer.region}`);
    } else {
      stacks.add(consumer.stack);
    }
  }
  if (stacks.size === 0) {
    return options.report ? new Map() : undefined;
  }
  const stackOf = new Map<string, string>();
  for (const stack of stacks) {
    let token: string | undefined;
    do {
      const page = await call('ListStackResourcesCommand', `stack ${stack}`,
        () => cfn.send(new sdk.cloudFormation.ListStackResourcesCommand({ StackName: stack, NextToken: token })));
      for (const resource of page.StackResourceSummaries ?? []) {
        if (resource.ResourceType === 'AWS::Lambda::Function' && resource.PhysicalResourceId) {
          stackOf.set(resource.PhysicalResourceId, stack);
        }
      }
      token = page.NextToken;
    } while (token);
  }
  return stackOf;
}

async function listFunctions(sdk: AuditSdk, { lambda, call }: Clients, region: string): Promise<Lambda.FunctionConfiguration[]> {
  const functions: Lambda.FunctionConfiguration[] = [];
  let marker: string | undefined;
  do {
    const page = await call('ListFunctionsCommand', `region ${region}`, () => lambda.send(new sdk.lambda.ListFunctionsCommand({ Marker: marker })));
    functions.push(...(page.Functions ?? []));
    marker = page.NextMarker;
  } while (marker);
  return functions;
}

async function readAliases(sdk: AuditSdk, { lambda, call }: Clients, functionName: string): Promise<AuditedAlias[]> {
  const aliases: Lambda.AliasConfiguration[] = [];
  let marker: string | undefined;
  do {
    const page = await call('ListAliasesCommand', functionName,
      () => lambda.send(new sdk.lambda.ListAliasesCommand({ FunctionName: functionName, Marker: marker })));
    aliases.push(...(page.Aliases ?? []));
    marker = page.NextMarker;
  } while (marker);
  const layersOf = new Map<string, Promise<string[]>>();
  const layers = (version: string) => {
    if (!layersOf.has(version)) {
      layersOf.set(version, call('GetFunctionConfigurationCommand', `${functionName}:${version}`,
        () => lambda.send(new sdk.lambda.GetFunctionConfigurationCommand({ FunctionName: functionName, Qualifier: version })))
        .then(c => (c.Layers ?? []).map(l => l.Arn!)));
    }
    return layersOf.get(version)!;
  };
  return Promise.all(aliases.map(async (alias): Promise<AuditedAlias> => {
    const extra: Record<string, number> = alias.RoutingConfig?.AdditionalVersionWeights ?? {};
    // Rounded to the precision Lambda keeps (weights have at most a few decimals), so that 1 - 0.004 is 0.996.
    const rest = Math.round((1 - Object.values(extra).reduce((a, b) => a + b, 0)) * 1e9) / 1e9;
    const shares = [
      { version: alias.FunctionVersion!, weight: rest },
      ...Object.entries(extra).map(([version, weight]) => ({ version, weight })),
    ];
    return {
      name: alias.Name!,
      versions: await Promise.all(shares.map(async s => ({ ...s, layers: await layers(s.version) }))),
    };
  }));
}

async function currentVersions(
  sdk: AuditSdk, { lambda, ssm, call }: Clients, options: AccountReadOptions, functions: AuditedFunction[],
  where: { region: string; account?: string }, notes: string[],
): Promise<Map<string, CurrentLayerVersion>> {
  const current = new Map<string, CurrentLayerVersion>();
  const parameters = new Map<string, string>();
  options.parameters.forEach(name => parameters.set(name, `parameter ${name}`));
  for (const consumer of options.report?.consumers ?? []) {
    for (const layer of consumer.layers) {
      if (layer.parameterName && !parameters.has(layer.parameterName)) {
        parameters.set(layer.parameterName, `parameter ${layer.parameterName}`);
      }
    }
  }
  for (const { file, entry } of options.lockEntries) {
    if ((entry.region && entry.region !== where.region) || (entry.account && where.account && entry.account !== where.account)) {
      notes.push(`lock file ${file}: '${entry.parameterName}' is for account ${entry.account ?? 'any'} region `
        + `${entry.region ?? 'any'}; this audit reads account ${where.account ?? '?'} region ${where.region}: not used`);
    } else if (!parameters.has(entry.parameterName)) {
      parameters.set(entry.parameterName, `lock file ${file} (${entry.parameterName})`);
    }
  }
  /** The newest version of a layer of this account, as ListLayerVersions lists it (0: none left). */
  const newestVersionOf = async (layerArn: string): Promise<number> => {
    const owner = parseLayerVersionArn(`${layerArn}:1`)!;
    let newest = 0;
    let marker: string | undefined;
    do {
      // The name, not the ARN: both name a layer of this account.
      const page = await call('ListLayerVersionsCommand', `layer ${layerArn}`,
        () => lambda.send(new sdk.lambda.ListLayerVersionsCommand({ LayerName: owner.name, Marker: marker })));
      for (const v of page.LayerVersions ?? []) {
        newest = Math.max(newest, Number(v.Version));
      }
      marker = page.NextMarker;
    } while (marker);
    return newest;
  };
  const fromParameters: Array<{ name: string; layerArn: string; layerName: string; version: number }> = [];
  for (const [name, from] of parameters) {
    let value: string | undefined;
    try {
      value = (await call('GetParameterCommand', `parameter ${name}`, () => ssm.send(new sdk.ssm.GetParameterCommand({ Name: name })))).Parameter?.Value;
    } catch (error) {
      if (!/ParameterNotFound/.test((error as Error).message)) {
        throw error;
      }
      notes.push(`parameter ${name} does not exist in region ${where.region}: its layers' current version is the newest in the account`);
      continue;
    }
    const arn = parseLayerVersionArn(value ?? '');
    if (!arn) {
      notes.push(`parameter ${name} holds '${value}', not a layer version ARN: not used`);
      continue;
    }
    current.set(arn.layerArn, { layerArn: arn.layerArn, version: arn.version, from });
    if (!where.account || arn.account === where.account) {
      fromParameters.push({ name, layerArn: arn.layerArn, layerName: arn.name, version: arn.version });
    }
  }
  // A parameter can name a version the account does not have (a typo, a version deleted): every row would then read
  // as behind it, so it is said. A layer of another account cannot be listed here.
  await mapConcurrently(fromParameters, options.concurrency, async (p) => {
    const newest = await newestVersionOf(p.layerArn);
    if (p.version > newest) {
      notes.push(`parameter ${p.name} holds version ${p.version} of layer ${p.layerName}, but the account's newest version of `
        + `${p.layerName} is ${newest || 'none'}: that version does not exist, so rows compared with it read as behind; `
        + 'check the parameter');
    }
  });
  const layers = new Set(functions.flatMap(fn => [...fn.latestLayers, ...fn.aliases.flatMap(a => a.versions.flatMap(v => v.layers))]));
  const unresolved = [...new Set([...layers].map(parseLayerVersionArn).filter(a => a && !current.has(a.layerArn)).map(a => a!.layerArn))];
  await mapConcurrently(unresolved, options.concurrency, async (layerArn) => {
    const owner = parseLayerVersionArn(`${layerArn}:1`)!;
    if (where.account && owner.account !== where.account) {
      return;
    }
    const newest = await newestVersionOf(layerArn);
    if (newest > 0) {
      current.set(layerArn, { layerArn, version: newest, from: 'newest in the account' });
    }
  });
  return current;
}
