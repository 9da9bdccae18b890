// `npm run bench -- audit`: `cdk-layer-sync audit` over 1,000 functions with 2 aliases each, in the local emulator
// (moto server, test/deploy/emulator). Prints the API calls per function (the bound: 1 + aliases) and the wall time.
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  CreateAliasCommand, CreateFunctionCommand, LambdaClient, PublishLayerVersionCommand, PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { mapConcurrently } from '../../src/audit/map-concurrently';
import { main } from '../../src/cli/main';
import { ACCOUNT, REGION, startEmulator } from '../../test/deploy/helpers/emulator';

export interface AuditBenchResult {
  readonly functions: number;
  readonly callsPerFunction: number;
  readonly seconds: number;
}

/** A zip archive with one stored, empty-named file: enough for the emulator's CreateFunction. */
const ZIP = Buffer.from('UEsDBBQAAAAAAAAAAAAAAAAAAAAAAAAAAAAGAAAAYXBwLnB5UEsBAhQAFAAAAAAAAAAAAAAAAAAAAAAAAAAAAAYAAAAAAAAAAAAAAAAAAAAAAGFwcC5weVBLBQYAAAAAAQABADQAAAAkAAAAAAA=', 'base64');

export async function benchAudit(functionCount = 1000): Promise<AuditBenchResult> {
  const emulator = await startEmulator();
  try {
    for (const [key, value] of Object.entries(emulator.env)) {
      process.env[key] = value;
    }
    const config = { endpoint: emulator.endpoint, region: REGION, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
    const lambda = new LambdaClient(config);
    const cfn = new CloudFormationClient(config);
    await cfn.send(new CreateStackCommand({
      StackName: 'roles',
      TemplateBody: JSON.stringify({
        Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] } } } },
        Outputs: { Arn: { Value: { 'Fn::GetAtt': ['Role', 'Arn'] } } },
      }),
    }));
    const role = (await cfn.send(new DescribeStacksCommand({ StackName: 'roles' }))).Stacks![0].Outputs![0].OutputValue!;
    for (let v = 1; v <= 2; v++) {
      await lambda.send(new PublishLayerVersionCommand({ LayerName: 'tools', Content: { ZipFile: ZIP } }));
    }
    const layer = (v: number) => `arn:aws:lambda:${REGION}:${ACCOUNT}:layer:tools:${v}`;
    const started = Date.now();
    await mapConcurrently(Array.from({ length: functionCount }, (_, i) => `fn-${i}`), 16, async (name) => {
      await lambda.send(new CreateFunctionCommand({
        FunctionName: name, Role: role, Runtime: 'python3.13', Handler: 'app.handler', Code: { ZipFile: ZIP }, Layers: [layer(1)],
      }));
      const v1 = (await lambda.send(new PublishVersionCommand({ FunctionName: name }))).Version!;
      await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Layers: [layer(2)] }));
      const v2 = (await lambda.send(new PublishVersionCommand({ FunctionName: name }))).Version!;
      await lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'Live', FunctionVersion: v1 }));
      await lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'Next', FunctionVersion: v2 }));
    });
    console.log(`audit bench: ${functionCount} functions with 2 aliases each made in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    let output = '';
    const auditStarted = process.hrtime.bigint();
    const code = await main(['audit', '--json'], line => { output += line; }, line => console.error(line));
    const seconds = Number(process.hrtime.bigint() - auditStarted) / 1e9;
    if (code !== 0) {
      throw new Error(`audit exited with ${code}`);
    }
    const result = JSON.parse(output);
    const calls = result.apiCalls as Record<string, number>;
    const perFunction = ((calls.ListAliasesCommand ?? 0) + (calls.GetFunctionConfigurationCommand ?? 0)) / functionCount;
    console.log(`audit bench: ${result.rows.length} rows; API calls ${JSON.stringify(calls)}`);
    console.log(`audit bench: ${perFunction.toFixed(2)} calls per function (bound: 1 + 2 aliases = 3), concurrency 8, `
      + `${seconds.toFixed(2)} s wall time against the local emulator`);
    return { functions: functionCount, callsPerFunction: perFunction, seconds };
  } finally {
    await emulator.stop();
  }
}
