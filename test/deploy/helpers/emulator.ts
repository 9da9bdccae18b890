// The deploy suite's AWS: moto server on 127.0.0.1 (pinned, installed by scripts/emulator.sh) with the
// CloudFormation gaps of test/deploy/emulator/cfn_gaps.py filled, the real `cdk` CLI against it, and the AWS SDK
// reading what was deployed. Test harness, not library code.
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudFormationClient, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import {
  GetFunctionConfigurationCommand, LambdaClient, ListAliasesCommand, ListVersionsByFunctionCommand,
} from '@aws-sdk/client-lambda';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { REPO_ROOT, runCdk } from '../../../scripts/cdk-cli';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

export interface Emulator {
  readonly endpoint: string;
  /** Environment for the CLI, the apps and the SDK: fake credentials and the emulator's endpoint. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

/** Start a fresh emulator (its own empty account) on a free loopback port. */
export async function startEmulator(): Promise<Emulator> {
  const install = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'emulator.sh')], { encoding: 'utf-8' });
  if (install.status !== 0) {
    throw new Error(`scripts/emulator.sh could not install the emulator:\n${install.stderr}`);
  }
  const python = install.stdout.trim().split('\n').pop()!;
  const server = spawn(python, [path.join(REPO_ROOT, 'test', 'deploy', 'emulator', 'serve.py'), '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the emulator did not start in 60 s:\n${out}`)), 60_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the emulator exited with ${code}:\n${out}`)); });
  });
  server.stdout!.removeAllListeners('data');
  server.stdout!.resume();
  server.stderr!.resume();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = {
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_SESSION_TOKEN: '',
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_ENDPOINT_URL: endpoint,
    // moto reads a template URL path-style only when its host contains "localhost".
    AWS_ENDPOINT_URL_S3_FOR_CLOUDFORMATION: `http://localhost:${port}`,
    AWS_PROFILE: '',
    AWS_CONFIG_FILE: path.join(os.tmpdir(), 'cls-no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(os.tmpdir(), 'cls-no-aws-credentials'),
  };
  return { endpoint, env, stop: () => stopProcess(server) };
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** `cdk <args>` in `cwd` against the emulator; throws with the CLI's output when it fails. */
export function cdkAgainst(emulator: Emulator, args: string[], cwd: string, outdir?: string): string {
  const run = runCdk([...args, '--require-approval', 'never'], cwd, outdir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cls-deploy-')), emulator.env);
  const output = run.stdout + run.stderr;
  if (run.status !== 0) {
    throw new Error(`cdk ${args.join(' ')} exited with ${run.status}:\n${output}`);
  }
  return output;
}

/** Bootstrap the emulator's account as `cdk bootstrap` does for a real one. */
export function bootstrap(emulator: Emulator, cwd: string): void {
  cdkAgainst(emulator, ['bootstrap', `aws://${ACCOUNT}/${REGION}`], cwd);
}

/** The stacks a `cdk deploy` output says it deployed, in order, and those it found unchanged. */
export function deployOrder(output: string): { deployed: string[]; unchanged: string[] } {
  const deployed = [...output.matchAll(/^(\S+): deploying\.\.\. \[\d+\/\d+\]$/gm)].map((m) => m[1]);
  const unchanged = [...output.matchAll(/^✅ {2}(\S+) \(no changes\)$/gm)].map((m) => m[1]);
  return { deployed, unchanged };
}

/** What one deployed function runs: its `$LATEST`, every published version, every alias. */
export interface DeployedFunction {
  readonly name: string;
  readonly description: string;
  /** Layer version ARNs of `$LATEST`. */
  readonly latest: string[];
  /** Published version number -> its layer version ARNs. */
  readonly versions: Record<string, string[]>;
  /** Alias name -> the version it points at. */
  readonly aliases: Record<string, string>;
}

function clients(emulator: Emulator) {
  const config = {
    endpoint: emulator.endpoint, region: REGION, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
  return { lambda: new LambdaClient(config), cfn: new CloudFormationClient(config), ssm: new SSMClient(config) };
}

/** Read, with the AWS SDK, every function a deployed stack holds. */
export async function deployedFunctions(emulator: Emulator, stackName: string): Promise<DeployedFunction[]> {
  const { lambda, cfn } = clients(emulator);
  const resources = await cfn.send(new ListStackResourcesCommand({ StackName: stackName }));
  const names = (resources.StackResourceSummaries ?? [])
    .filter((r) => r.ResourceType === 'AWS::Lambda::Function').map((r) => r.PhysicalResourceId!);
  const functions: DeployedFunction[] = [];
  for (const name of names) {
    const latest = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
    const listed = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: name }));
    const versions: Record<string, string[]> = {};
    for (const v of listed.Versions ?? []) {
      if (v.Version !== '$LATEST') {
        versions[v.Version!] = (v.Layers ?? []).map((l) => l.Arn!);
      }
    }
    const aliases = await lambda.send(new ListAliasesCommand({ FunctionName: name }));
    functions.push({
      name,
      description: latest.Description ?? '',
      latest: (latest.Layers ?? []).map((l) => l.Arn!),
      versions,
      aliases: Object.fromEntries((aliases.Aliases ?? []).map((a) => [a.Name!, a.FunctionVersion!])),
    });
  }
  return functions;
}

/** The one function of a stack that holds exactly one. */
export async function deployedFunction(emulator: Emulator, stackName: string): Promise<DeployedFunction> {
  const functions = await deployedFunctions(emulator, stackName);
  if (functions.length !== 1) {
    throw new Error(`expected one function in ${stackName}, found ${functions.length}`);
  }
  return functions[0];
}

/** The layers an alias runs: those of the version it points at. */
export function aliasLayers(fn: DeployedFunction, alias: string): string[] {
  const version = fn.aliases[alias];
  if (version === undefined) {
    throw new Error(`${fn.name} has no alias ${alias}: ${JSON.stringify(fn.aliases)}`);
  }
  return fn.versions[version] ?? [];
}

/** The value of an SSM parameter in the emulator. */
export async function parameterValue(emulator: Emulator, name: string): Promise<string> {
  const result = await clients(emulator).ssm.send(new GetParameterCommand({ Name: name }));
  return result.Parameter!.Value!;
}

/** A copy of a layer source directory with one file changed, so that the layer's asset (and version) changes. */
export function changedLayerCopy(source: string, file: string): string {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-layer-')), path.basename(source));
  fs.cpSync(source, copy, { recursive: true });
  fs.appendFileSync(path.join(copy, file), `\n# changed by the deploy suite at ${new Date().toISOString()}\n`);
  return copy;
}
