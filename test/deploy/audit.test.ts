// `cdk-layer-sync audit` against the emulator, on functions made by AWS SDK calls (as the console, SAM or another
// team make them): stale and current aliases, several layers per function, an alias with a weighted routing, the
// current version from the newest in the account or from a parameter; and the errors a user meets.
import * as zlib from 'zlib';
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  CreateAliasCommand, CreateFunctionCommand, LambdaClient, PublishLayerVersionCommand, PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { REPO_ROOT } from '../../scripts/cdk-cli';
import { runCli } from '../helpers/cli';
import { ACCOUNT, Emulator, REGION, startEmulator } from './helpers/emulator';

let emulator: Emulator;
let lambda: LambdaClient;
const layer = (name: string, version: number) => `arn:aws:lambda:${REGION}:${ACCOUNT}:layer:${name}:${version}`;

/** A zip archive with one stored file, made here so that the test needs no zip tool. */
function zipOf(name: string, text: string): Uint8Array {
  const data = Buffer.from(text);
  const crc = zlib.crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(name.length, 28);
  const localPart = Buffer.concat([local, Buffer.from(name), data]);
  const centralPart = Buffer.concat([central, Buffer.from(name)]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12); end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, centralPart, end]);
}

async function publishLayer(name: string, times: number): Promise<void> {
  for (let i = 1; i <= times; i++) {
    await lambda.send(new PublishLayerVersionCommand({ LayerName: name, Content: { ZipFile: zipOf('python/m.py', `v = ${i}\n`) } }));
  }
}

async function functionWith(name: string, role: string, layers: string[]): Promise<void> {
  await lambda.send(new CreateFunctionCommand({
    FunctionName: name, Role: role, Runtime: 'python3.13', Handler: 'app.handler',
    Code: { ZipFile: zipOf('app.py', 'def handler(event, context):\n    return 1\n') }, Layers: layers,
  }));
}

async function publishWith(name: string, layers: string[]): Promise<string> {
  await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Layers: layers }));
  return (await lambda.send(new PublishVersionCommand({ FunctionName: name }))).Version!;
}

function audit(...args: string[]) {
  return runCli(['audit', ...args], REPO_ROOT, emulator.env);
}

beforeAll(async () => {
  emulator = await startEmulator();
  const config = { endpoint: emulator.endpoint, region: REGION, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  lambda = new LambdaClient(config);
  // The functions' role, made the way a team would: a stack.
  const cfn = new CloudFormationClient(config);
  await cfn.send(new CreateStackCommand({
    StackName: 'roles',
    TemplateBody: JSON.stringify({
      Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'fn-role', AssumeRolePolicyDocument: { Statement: [] } } } },
      Outputs: { Arn: { Value: { 'Fn::GetAtt': ['Role', 'Arn'] } } },
    }),
  }));
  const role = (await cfn.send(new DescribeStacksCommand({ StackName: 'roles' }))).Stacks![0].Outputs![0].OutputValue!;
  await publishLayer('tools', 3);
  await publishLayer('runtime', 2);

  // orders: two layers; Live on version 1 (tools 1, runtime 1), Canary on version 2 (tools 3, runtime 2) with 10%
  // still on version 1.
  await functionWith('orders', role, [layer('tools', 1), layer('runtime', 1)]);
  const v1 = (await lambda.send(new PublishVersionCommand({ FunctionName: 'orders' }))).Version!;
  const v2 = await publishWith('orders', [layer('tools', 3), layer('runtime', 2)]);
  await lambda.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'Live', FunctionVersion: v1 }));
  await lambda.send(new CreateAliasCommand({
    FunctionName: 'orders', Name: 'Canary', FunctionVersion: v2, RoutingConfig: { AdditionalVersionWeights: { [v1]: 0.1 } },
  }));
  // billing: all current.
  await functionWith('billing', role, [layer('tools', 3)]);
  const b1 = (await lambda.send(new PublishVersionCommand({ FunctionName: 'billing' }))).Version!;
  await lambda.send(new CreateAliasCommand({ FunctionName: 'billing', Name: 'Live', FunctionVersion: b1 }));
  // reports: on tools 2, which the team's parameter calls current.
  await functionWith('reports', role, [layer('tools', 2)]);
  await new SSMClient(config).send(new PutParameterCommand({ Name: '/platform/layers/tools', Type: 'String', Value: layer('tools', 2) }));
  // A function without layers is not audited.
  await lambda.send(new CreateFunctionCommand({
    FunctionName: 'plain', Role: role, Runtime: 'python3.13', Handler: 'app.handler', Code: { ZipFile: zipOf('app.py', 'x = 1\n') },
  }));
});
afterAll(async () => emulator?.stop());

test('audit names every stale alias, layer by layer, with the version it runs and the current one', () => {
  const run = audit('--json', '--fail-on-stale');
  expect(run.status).toBe(1);
  const result = JSON.parse(run.stdout);
  expect(result.region).toBe(REGION);
  const rows = (result.rows as Array<Record<string, any>>).map((r) =>
    [r.function, r.qualifier, r.version ?? '-', r.weight ?? '-', r.layer, r.runsVersion, r.currentVersion, r.status].join(' '));
  expect(rows.sort()).toEqual([
    'billing $LATEST - - tools 3 3 current',
    'billing Live 1 - tools 3 3 current',
    'orders $LATEST - - runtime 2 2 current',
    'orders $LATEST - - tools 3 3 current',
    'orders Canary 1 0.1 runtime 1 2 stale',
    'orders Canary 1 0.1 tools 1 3 stale',
    'orders Canary 2 0.9 runtime 2 2 current',
    'orders Canary 2 0.9 tools 3 3 current',
    'orders Live 1 - runtime 1 2 stale',
    'orders Live 1 - tools 1 3 stale',
    // Without a parameter, the newest version in the account is current: reports is behind.
    'reports $LATEST - - tools 2 3 stale',
  ].sort());
  // Read-only: audit made List and Get calls only; one ListAliases per function with layers, and one
  // GetFunctionConfiguration per distinct version an alias routes to (orders 1 and 2, billing 1).
  const calls = result.apiCalls as Record<string, number>;
  expect(Object.keys(calls).every((name) => /^(List|Get)\w+Command$/.test(name))).toBe(true);
  expect(calls.ListAliasesCommand).toBe(3);
  expect(calls.GetFunctionConfigurationCommand).toBe(3);
  expect(calls.ListLayerVersionsCommand).toBe(2);
});

test('a parameter names the current version: a function on the version it holds is current', () => {
  const run = audit('--parameter', '/platform/layers/tools', '--fail-on-stale');
  expect(run.status).toBe(1);
  expect(run.stdout).toMatch(/^reports\s+\$LATEST\s+-\s+tools\s+2\s+2\s+current\s+parameter \/platform\/layers\/tools$/m);
  // billing runs a newer version than the parameter holds: not behind.
  expect(run.stdout).toMatch(/^billing\s+Live\s+1\s+tools\s+3\s+2\s+current/m);
  expect(run.stdout).toMatch(/^orders\s+Canary\s+1 \(10%\)\s+tools\s+1\s+2\s+1 behind/m);
  expect(run.stdout).toMatch(/^7 current, 4 stale$/m);
});

test('a parameter naming a version the account does not have is said, beside the rows it makes read as behind', async () => {
  const config = { endpoint: emulator.endpoint, region: REGION, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  await new SSMClient(config).send(new PutParameterCommand({ Name: '/platform/layers/tools-typo', Type: 'String', Value: layer('tools', 9) }));
  const run = audit('--parameter', '/platform/layers/tools-typo');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('note: parameter /platform/layers/tools-typo holds version 9 of layer tools, but the account\'s newest '
    + 'version of tools is 3: that version does not exist');
  // The one that exists says nothing of the kind.
  expect(audit('--parameter', '/platform/layers/tools').stdout).not.toContain('does not exist');
});

test('--markdown gives a table for a pull request or a pipeline summary; without --fail-on-stale it exits 0', () => {
  const run = audit('--markdown');
  expect(run.status).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines[0]).toBe('| FUNCTION | QUALIFIER | VERSION | LAYER | RUNS | CURRENT | BEHIND | CURRENT FROM |');
  expect(lines).toContain('| orders | Live | 1 | tools | 1 | 3 | 2 behind | newest in the account |');
  expect(lines[lines.length - 1]).toBe('**6 current, 5 stale**');
});

test('no credentials, two regions, or an unknown option: a clear error and exit 2, before any call', () => {
  const noCredentials = runCli(['audit'], REPO_ROOT, {
    ...emulator.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONTAINER_CREDENTIALS_FULL_URI: '', AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '', AWS_WEB_IDENTITY_TOKEN_FILE: '',
  });
  expect(noCredentials.status).toBe(2);
  expect(noCredentials.stderr).toContain('cdk-layer-sync audit: no AWS credentials: audit uses the standard chain');
  const regions = audit('--region', 'us-east-1', '--region', 'eu-west-1');
  expect(regions.status).toBe(2);
  expect(regions.stderr).toContain('cdk-layer-sync audit: --region given twice; it takes one value (repeatable: --stack, --parameter, --lock)');
  const limit = audit('--concurrency', '0');
  expect(limit.status).toBe(2);
  expect(limit.stderr).toContain("--concurrency takes a whole number from 1 to 64, got '0'");
});

test('another region is another account view: nothing of us-east-1 is reported there', () => {
  const run = audit('--region', 'eu-west-1', '--fail-on-stale');
  expect(run.status).toBe(0);
  expect(run.stdout.trim().split('\n').pop()).toBe('0 current, 0 stale');
});
