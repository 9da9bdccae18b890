// End to end: the real `cdk` CLI on an app that imports its layer with valueFromLookup, the lookup cached in
// its cdk.context.json as the CLI leaves it after the first synthesis with credentials.
import * as path from 'path';
import { readTemplate, runCdk } from '../../scripts/cdk-cli';

const APP = path.join(__dirname, 'fixtures', 'lookup');
const KEY = 'ssm:account=111111111111:parameterName=/platform/layers/tools/arn:region=eu-west-1';

describe('cdk synth on a valueFromLookup consumer', () => {
  const run = runCdk(['synth', '--quiet'], APP);

  test('warns with CachedLayerLookup, naming the function, the parameter and the context key', () => {
    expect(run.status).toBe(0);
    const output = run.stdout + run.stderr;
    expect(output).toContain('function LookupService/OrdersFunction attaches the layer ARN that ssm.StringParameter.valueFromLookup read');
    expect(output).toContain(`cdk context --reset '${KEY}'`);
    expect(output).toContain("Acknowledge with 'Annotation::cdk-layer-sync:CachedLayerLookup'");
  });

  test('the function keeps its cached ARN and gets no fingerprint', () => {
    const fn = Object.values(readTemplate(run.outdir, 'LookupService').Resources).find(r => r.Type === 'AWS::Lambda::Function')!;
    expect(fn.Properties!.Layers).toEqual(['arn:aws:lambda:eu-west-1:111111111111:layer:tools:7']);
    expect(fn.Properties!.Description).toBeUndefined();
  });

  test('--strict fails on it', () => {
    const strict = runCdk(['synth', '--quiet', '--strict'], APP);
    expect(strict.status).not.toBe(0);
    expect(strict.stdout + strict.stderr).toContain('cdk-layer-sync:CachedLayerLookup');
  });
});
