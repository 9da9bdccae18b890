import * as fs from 'fs';
import * as path from 'path';
import { Stack, Stage, Validations } from 'aws-cdk-lib';
import { LayerRegistry, LayerSyncChecks } from '../../src';
import { addAspect, ConsumerStack, consumerFunction, newApp, ProducerStack, ssmLayer } from '../helpers/apps';
import { describeWhen } from '../helpers/cdk-version';
import { HAS_CDK_NAG, ruleIdsAndPaths, violationsOf } from '../helpers/nag';

const EXTERNAL = '/aws/service/powertools/python/arm64/python3.13/latest';
const OTHER = '/other-team/layers/tools/arn';

/** An app with one tracked consumer and two consumers of layers no stack of the app produces. */
function mixedApp() {
  const app = newApp();
  new ProducerStack(app, 'Producer');
  const tracked = new ConsumerStack(app, 'Tracked');
  const services = new Stack(app, 'Services');
  const powertools = consumerFunction(services, 'Powertools', [ssmLayer(services, EXTERNAL, 'PowertoolsLayer')]);
  const tools = consumerFunction(services, 'Tools', [ssmLayer(services, OTHER, 'ToolsLayer')]);
  return { app, tracked, services, powertools, tools };
}

/** Synthesize with the pack registered as users do; the validation report as CDK writes it. */
function synthWithPack(app: ReturnType<typeof newApp>): { error?: string; report: any } {
  Validations.of(app).addPlugins(new LayerSyncChecks(app));
  let error: string | undefined;
  try {
    app.synth();
  } catch (e) {
    error = (e as Error).message;
  }
  return { error, report: JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf-8')) };
}

describeWhen(HAS_CDK_NAG)('LayerSyncChecks, registered with Validations.of(app).addPlugins', () => {
  test('an unhashed consumer fails synthesis; the report lists the rule per parameter, on the function', () => {
    const { app } = mixedApp();
    const { error, report } = synthWithPack(app);

    expect(error).toContain(`LayerSync::LayerSync-UnhashedConsumer[Parameter::${EXTERNAL}]`);
    const [plugin] = report.pluginReports;
    expect(plugin.pluginName).toBe('LayerSync');
    expect(plugin.conclusion).toBe('failure');
    const found = plugin.violations.map((v: any) => `${v.ruleName} @ ${v.violatingConstructs.map((c: any) => c.constructPath).join(',')}`).sort();
    expect(found).toEqual([
      `LayerSync-UnhashedConsumer[Parameter::${EXTERNAL}] @ Services/Powertools/Resource`,
      `LayerSync-UnhashedConsumer[Parameter::${OTHER}] @ Services/Tools/Resource`,
    ]);
    expect(plugin.violations[0].description).toContain('imports its layer from SSM parameter');
    // The pack's own acknowledgement is Validations.acknowledge, which the CLI prints; not the aspect's hint.
    expect(plugin.violations[0].description).not.toContain('acknowledgeWarning');
  });

  test('a fully tracked app passes', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    new ConsumerStack(app, 'Tracked');
    const { error, report } = synthWithPack(app);
    expect(error).toBeUndefined();
    expect(report.pluginReports.filter((p: any) => p.conclusion !== 'success')).toEqual([]);
  });

  test.each([
    ['on each function', (s: ReturnType<typeof mixedApp>) => {
      Validations.of(s.powertools).acknowledge({ id: `LayerSync-UnhashedConsumer[Parameter::${EXTERNAL}]`, reason: 'AWS-managed' });
      Validations.of(s.tools).acknowledge({ id: `LayerSync-UnhashedConsumer[Parameter::${OTHER}]`, reason: 'owned by tools team' });
    }],
    ['once each, at App level', (s: ReturnType<typeof mixedApp>) => {
      Validations.of(s.app).acknowledge(
        { id: `LayerSync-UnhashedConsumer[Parameter::${EXTERNAL}]`, reason: 'AWS-managed' },
        { id: `LayerSync-UnhashedConsumer[Parameter::${OTHER}]`, reason: 'owned by tools team' },
      );
    }],
    ['with the prefix the CLI prints', (s: ReturnType<typeof mixedApp>) => {
      Validations.of(s.app).acknowledge(
        { id: `LayerSync::LayerSync-UnhashedConsumer[Parameter::${EXTERNAL}]`, reason: 'AWS-managed' },
        { id: `LayerSync::LayerSync-UnhashedConsumer[Parameter::${OTHER}]`, reason: 'owned by tools team' },
      );
    }],
  ])('acknowledged by parameter %s, synthesis passes', (_how, acknowledge) => {
    const setup = mixedApp();
    acknowledge(setup);
    const { error } = synthWithPack(setup.app);
    expect(error).toBeUndefined();
  });

  test('acknowledging one parameter does not pass a consumer of another', () => {
    const setup = mixedApp();
    Validations.of(setup.app).acknowledge({ id: `LayerSync-UnhashedConsumer[Parameter::${EXTERNAL}]`, reason: 'AWS-managed' });
    const { error, report } = synthWithPack(setup.app);
    expect(error).toContain(`[Parameter::${OTHER}]`);
    expect(report.pluginReports[0].violations.map((v: any) => v.ruleName)).toEqual([`LayerSync-UnhashedConsumer[Parameter::${OTHER}]`]);
  });

  test('the pack reports the same consumers with and without the aspect, and never changes a template', () => {
    const without = mixedApp();
    const withAspect = mixedApp();
    addAspect(withAspect.app);
    withAspect.app.synth();
    const templateBefore = JSON.stringify(withAspect.app.synth().getStackByName('Tracked').template);

    const expected = ruleIdsAndPaths(violationsOf(without.app));
    expect(expected).toHaveLength(2);
    expect(ruleIdsAndPaths(violationsOf(withAspect.app))).toEqual(expected);
    expect(JSON.stringify(withAspect.app.synth().getStackByName('Tracked').template)).toBe(templateBefore);
  });

  test('covers consumers inside Stages', () => {
    const app = newApp();
    const stage = new Stage(app, 'Prod');
    new ConsumerStack(stage, 'Orphan', { parameterName: OTHER });
    expect(ruleIdsAndPaths(violationsOf(app))).toEqual([`LayerSync-UnhashedConsumer[Parameter::${OTHER}] @ Prod/Orphan/Consumer/Resource`]);
  });

  test('uses the registry it is given, as the aspect does', () => {
    const { app } = mixedApp();
    const registry = new LayerRegistry();
    registry.add(OTHER, 'a'.repeat(64));
    expect(ruleIdsAndPaths(violationsOf(app, { registry }))).toEqual([`LayerSync-UnhashedConsumer[Parameter::${EXTERNAL}] @ Services/Powertools/Resource`]);
  });
});
