import * as fs from 'fs';
import * as path from 'path';
import { Annotations as CoreAnnotations, Aspects, RemovalPolicy, Stack, Stage, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { FingerprintTarget, LayerRegistry, LayerSyncChecks } from '../../src';
import { addAspect, ConsumerStack, consumerFunction, newApp, ProducerStack, ssmLayer } from '../helpers/apps';
import { compareReleases } from '../../src/nag/installed-cdk-nag';
import { readReport } from '../../src/report/read-report';
import { CDK_VERSION, describeWhen, HAS_VALIDATIONS, testWhen } from '../helpers/cdk-version';
import { NAG_MAJOR, ruleIdsAndPaths, violationsOf } from '../helpers/nag';

const EXTERNAL = '/aws/service/powertools/python/arm64/python3.13/latest';
const OTHER = '/other-team/layers/tools/arn';

/** An app with one tracked consumer and two consumers of layers no stack of the app produces; the aspect on it. */
function mixedApp(withAspect = true) {
  const app = newApp();
  if (withAspect) {
    addAspect(app);
  }
  new ProducerStack(app, 'Producer');
  const tracked = new ConsumerStack(app, 'Tracked');
  const services = new Stack(app, 'Services');
  const powertools = consumerFunction(services, 'Powertools', [ssmLayer(services, EXTERNAL, 'PowertoolsLayer')]);
  const tools = consumerFunction(services, 'Tools', [ssmLayer(services, OTHER, 'ToolsLayer')]);
  return { app, tracked, services, powertools, tools };
}

/**
 * A CDK Pipelines app shaped like a platform team's: a CodePipeline deploys one Stage holding the layer's producer and
 * a consumer. CDK Pipelines synthesizes the Stage in `addStage()`, so what the Stage needs is added in its
 * constructor: the aspect's line when `withAspect` (and the same line on the App), and whatever `inStage` adds (cdk-nag
 * 2's packs go there).
 */
function pipelineApp(withAspect: boolean, inStage: (stage: Stage) => void = () => {}) {
  const app = newApp();
  const env = { account: '111111111111', region: 'eu-west-1' };
  const pipelineStack = new Stack(app, 'PipelineStack', { env });
  const pipeline = new pipelines.CodePipeline(pipelineStack, 'Pipeline', {
    synth: new pipelines.ShellStep('Synth', {
      input: pipelines.CodePipelineSource.gitHub('example-org/orders-service', 'main'), commands: ['npm ci', 'npx cdk synth'],
    }),
  });
  class ServiceStage extends Stage {
    public readonly consumer: ConsumerStack;
    constructor(scope: Construct, id: string) {
      super(scope, id, { env });
      if (withAspect) {
        addAspect(this);
      }
      inStage(this);
      new ProducerStack(this, 'Producer', { removalPolicy: RemovalPolicy.RETAIN });
      this.consumer = new ConsumerStack(this, 'Tracked');
    }
  }
  const stage = new ServiceStage(pipelineStack, 'Dev');
  pipeline.addStage(stage);
  if (withAspect) {
    addAspect(app);
  }
  return { app, consumer: stage.consumer };
}

/** aws-cdk-lib 2.262 and later throw when a plugin fails; 2.258 to 2.261 print the report and set the exit code. */
const THROWS_ON_FAILED_VALIDATION = compareReleases(CDK_VERSION, '2.262.0') >= 0;
/** `Validations.acknowledge` takes the `Pack::Rule` form CDK prints from 2.269 on (aws/aws-cdk#38787). */
const TAKES_PREFIXED_ACKNOWLEDGEMENT = compareReleases(CDK_VERSION, '2.269.0') >= 0;

/**
 * Synthesize with the pack registered as users do. `error` is how synthesis failed, as `cdk synth` would show it:
 * the thrown error, or on older releases the report printed before the process exit code was set.
 */
function synthWithPack(app: ReturnType<typeof newApp>): { error?: string; report: any } {
  Validations.of(app).addPlugins(new LayerSyncChecks(app));
  let error: string | undefined;
  const printed: string[] = [];
  const consoleError = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { printed.push(args.join(' ')); });
  const exitCodeBefore = process.exitCode;
  try {
    app.synth();
  } catch (e) {
    error = (e as Error).message;
  } finally {
    consoleError.mockRestore();
  }
  if (!THROWS_ON_FAILED_VALIDATION && process.exitCode === 1) {
    error = printed.join('\n');
  }
  process.exitCode = exitCodeBefore;
  return { error, report: JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf-8')) };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const NAG_VERSION: string = require('cdk-nag/package.json').version;

describeWhen(NAG_MAJOR === 3)(`LayerSyncChecks on cdk-nag ${NAG_VERSION} and aws-cdk-lib ${CDK_VERSION}, registered with Validations.of(app).addPlugins`, () => {
  test('an unhashed consumer fails synthesis; the report lists the rule per parameter, on the function', () => {
    const { app } = mixedApp();
    const { error, report } = synthWithPack(app);

    expect(error).toContain(`LayerSync-UnhashedConsumer[Parameter::${EXTERNAL}]`);
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

  test('with the aspect, a fully tracked app passes', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    new ConsumerStack(app, 'Tracked');
    addAspect(app);
    const { error, report } = synthWithPack(app);
    expect(error).toBeUndefined();
    expect(report.pluginReports.filter((p: any) => p.conclusion !== 'success')).toEqual([]);
  });

  test('without the aspect, a consumer that could follow its layer fails ConsumerNotFollowing', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    new ConsumerStack(app, 'Tracked');
    const { error, report } = synthWithPack(app);
    expect(error).toContain('LayerSync-ConsumerNotFollowing');
    const [violation] = report.pluginReports[0].violations;
    expect(violation.ruleName).toBe('LayerSync-ConsumerNotFollowing');
    expect(violation.violatingConstructs.map((c: any) => c.constructPath)).toEqual(['Tracked/Consumer/Resource']);
    expect(violation.description).toContain('Fix: call LayerDependencyAspect.addToApp(app) right after creating the App');
    expect(violation.description).toContain('Aspects.of(this).add(new LayerDependencyAspect(), { priority: AspectPriority.MUTATING })');
  });

  test('the aspect writing the fingerprint into the environment passes too', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    new ConsumerStack(app, 'Tracked');
    addAspect(app, { target: FingerprintTarget.ENVIRONMENT });
    expect(synthWithPack(app).error).toBeUndefined();
  });

  type Acknowledge = [string, (s: ReturnType<typeof mixedApp>) => void];
  test.each<Acknowledge>([
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
    ...(TAKES_PREFIXED_ACKNOWLEDGEMENT ? [['with the prefix CDK prints (aws-cdk-lib 2.269 and later)', (s: ReturnType<typeof mixedApp>) => {
      Validations.of(s.app).acknowledge(
        { id: `LayerSync::LayerSync-UnhashedConsumer[Parameter::${EXTERNAL}]`, reason: 'AWS-managed' },
        { id: `LayerSync::LayerSync-UnhashedConsumer[Parameter::${OTHER}]`, reason: 'owned by tools team' },
      );
    }] as Acknowledge] : []),
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

  test('the pack reports the same unhashed consumers with and without the aspect, and never changes a template', () => {
    const without = mixedApp(false);
    const withAspect = mixedApp();
    withAspect.app.synth();
    const templateBefore = JSON.stringify(withAspect.app.synth().getStackByName('Tracked').template);

    const unhashed = [
      `LayerSync-UnhashedConsumer[Parameter::${EXTERNAL}] @ Services/Powertools/Resource`,
      `LayerSync-UnhashedConsumer[Parameter::${OTHER}] @ Services/Tools/Resource`,
    ];
    expect(ruleIdsAndPaths(violationsOf(withAspect.app))).toEqual(unhashed);
    expect(ruleIdsAndPaths(violationsOf(without.app))).toEqual(['LayerSync-ConsumerNotFollowing @ Tracked/Consumer/Resource', ...unhashed]);
    expect(JSON.stringify(withAspect.app.synth().getStackByName('Tracked').template)).toBe(templateBefore);
  });

  test('covers consumers inside Stages', () => {
    const app = newApp();
    const stage = new Stage(app, 'Prod');
    new ConsumerStack(stage, 'Orphan', { parameterName: OTHER });
    expect(ruleIdsAndPaths(violationsOf(app))).toEqual([`LayerSync-UnhashedConsumer[Parameter::${OTHER}] @ Prod/Orphan/Consumer/Resource`]);
  });

  test('in a CDK Pipelines app, registered on the App: a Stage with the aspect\'s line passes, one without fails', () => {
    const covered = synthWithPack(pipelineApp(true).app);
    expect(covered.error).toBeUndefined();
    expect(covered.report.pluginReports.filter((p: any) => p.conclusion !== 'success')).toEqual([]);

    const uncovered = synthWithPack(pipelineApp(false).app);
    expect(uncovered.error).toContain('LayerSync-ConsumerNotFollowing');
    const plugin = uncovered.report.pluginReports.find((r: any) => r.pluginName === 'LayerSync');
    const found = plugin.violations.flatMap((v: any) => v.violatingConstructs.map((c: any) => `${v.ruleName} @ ${c.constructPath}`)).sort();
    expect(found).toEqual(['LayerSync-ConsumerNotFollowing @ PipelineStack/Dev/Tracked/Consumer/Resource']);
  });

  test('uses the registry it is given, as the aspect does', () => {
    const { app } = mixedApp();
    const registry = new LayerRegistry();
    registry.add(OTHER, 'a'.repeat(64));
    // Tools now has a producer, in the registry: it is no longer unhashed, and without the aspect it does not follow.
    expect(ruleIdsAndPaths(violationsOf(app, { registry }))).toEqual([
      'LayerSync-ConsumerNotFollowing @ Services/Tools/Resource',
      'LayerSync-ConsumerNotFollowing @ Tracked/Consumer/Resource',
      `LayerSync-UnhashedConsumer[Parameter::${EXTERNAL}] @ Services/Powertools/Resource`,
    ]);
  });

  test('added as an Aspect, as cdk-nag 2 packs are, synthesis fails with the line to use instead', () => {
    const app = newApp();
    new ConsumerStack(app, 'Orphan', { parameterName: OTHER });
    Aspects.of(app).add(new LayerSyncChecks(app));
    expect(() => app.synth())
      .toThrow(/with cdk-nag 3 installed, the pack is a validation plugin.*Validations\.of\(app\)\.addPlugins\(new LayerSyncChecks\(app\)\)/);
  });
});

/** The pack's annotations on a stack, as `rule id: path` (cdk-nag 2 reports findings as annotations). */
function nagAnnotations(stack: Stack, type: 'error' | 'warning'): string[] {
  const found = type === 'error'
    ? Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('LayerSync-'))
    : Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('LayerSync-'));
  return found.map(a => `${/^LayerSync-[A-Za-z]+(\[[^\]]*\])?/.exec(String(a.entry.data))?.[0]} @ ${a.id}`).sort();
}

describeWhen(NAG_MAJOR === 2)(`LayerSyncChecks on cdk-nag ${NAG_VERSION} and aws-cdk-lib ${CDK_VERSION}, an Aspect`, () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NagSuppressions } = require('cdk-nag');

  function synthWithAspectPack(app: ReturnType<typeof newApp>) {
    Aspects.of(app).add(new LayerSyncChecks());
    return app.synth();
  }

  test('an unhashed consumer is reported per parameter, on the function, with a row in the pack\'s report', () => {
    const { app, services } = mixedApp();
    const assembly = synthWithAspectPack(app);
    expect(nagAnnotations(services, 'warning')).toEqual([
      `LayerSync-UnhashedConsumer[Parameter::${EXTERNAL}] @ /Services/Powertools/Resource`,
      `LayerSync-UnhashedConsumer[Parameter::${OTHER}] @ /Services/Tools/Resource`,
    ]);
    // cdk-nag 2.38 names its reports `<pack>-<stage id>-<stack>` (the App's id is empty), 2.36 `<pack>-<stack>`.
    const reports = fs.readdirSync(assembly.directory).filter(f => /^LayerSync-+Services-NagReport\.csv$/.test(f));
    expect(reports).toHaveLength(1);
    const csv = fs.readFileSync(path.join(assembly.directory, reports[0]), 'utf-8');
    expect(csv).toContain('"LayerSync-UnhashedConsumer","Services/Tools/Resource","Non-Compliant"');
    expect(csv).toContain('"LayerSync-ConsumerNotFollowing","Services/Tools/Resource","Compliant"');
  });

  test('with the aspect, a fully tracked app has no finding of the pack', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const tracked = new ConsumerStack(app, 'Tracked');
    addAspect(app);
    synthWithAspectPack(app);
    expect([...nagAnnotations(tracked, 'error'), ...nagAnnotations(tracked, 'warning')]).toEqual([]);
  });

  test('without the aspect, a consumer that could follow its layer is an error of ConsumerNotFollowing', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const tracked = new ConsumerStack(app, 'Tracked');
    synthWithAspectPack(app);
    expect(nagAnnotations(tracked, 'error')).toEqual(['LayerSync-ConsumerNotFollowing @ /Tracked/Consumer/Resource']);
  });

  test.each([
    ['on the function, by parameter', (s: ReturnType<typeof mixedApp>) => {
      NagSuppressions.addResourceSuppressions(s.powertools, [{ id: 'LayerSync-UnhashedConsumer', reason: 'AWS-managed layer', appliesTo: [`Parameter::${EXTERNAL}`] }], true);
      NagSuppressions.addResourceSuppressions(s.tools, [{ id: 'LayerSync-UnhashedConsumer', reason: 'owned by the tools team', appliesTo: [`Parameter::${OTHER}`] }], true);
    }],
    ['on the stack, for the rule', (s: ReturnType<typeof mixedApp>) => {
      NagSuppressions.addStackSuppressions(s.services, [{ id: 'LayerSync-UnhashedConsumer', reason: 'layers owned by other teams' }]);
    }],
  ])('suppressed with NagSuppressions %s, the findings are gone', (_how, suppress) => {
    const setup = mixedApp();
    suppress(setup);
    synthWithAspectPack(setup.app);
    expect(nagAnnotations(setup.services, 'warning')).toEqual([]);
  });

  test('suppressing one parameter keeps the consumer of another', () => {
    const setup = mixedApp();
    NagSuppressions.addResourceSuppressions(setup.powertools, [{ id: 'LayerSync-UnhashedConsumer', reason: 'AWS-managed layer', appliesTo: [`Parameter::${EXTERNAL}`] }], true);
    NagSuppressions.addResourceSuppressions(setup.tools, [{ id: 'LayerSync-UnhashedConsumer', reason: 'AWS-managed layer', appliesTo: [`Parameter::${EXTERNAL}`] }], true);
    synthWithAspectPack(setup.app);
    expect(nagAnnotations(setup.services, 'warning')).toEqual([`LayerSync-UnhashedConsumer[Parameter::${OTHER}] @ /Services/Tools/Resource`]);
  });

  test('covers the consumers of a Stage it is added to, as cdk-nag 2 packs are (App aspects do not reach Stages)', () => {
    const app = newApp();
    const stage = new Stage(app, 'Prod');
    Aspects.of(stage).add(new LayerSyncChecks());
    const orphan = new ConsumerStack(stage, 'Orphan', { parameterName: OTHER });
    synthWithAspectPack(app);
    expect(nagAnnotations(orphan, 'warning')).toEqual([`LayerSync-UnhashedConsumer[Parameter::${OTHER}] @ /Prod/Orphan/Consumer/Resource`]);
  });

  test('in a CDK Pipelines app, added in the Stage\'s constructor: a Stage with the aspect\'s line passes, one without fails', () => {
    const addPack = (stage: Stage) => Aspects.of(stage).add(new LayerSyncChecks());
    const covered = pipelineApp(true, addPack);
    covered.app.synth();
    expect([...nagAnnotations(covered.consumer, 'error'), ...nagAnnotations(covered.consumer, 'warning')]).toEqual([]);

    const uncovered = pipelineApp(false, addPack);
    uncovered.app.synth();
    expect(nagAnnotations(uncovered.consumer, 'error')).toEqual(['LayerSync-ConsumerNotFollowing @ /PipelineStack/Dev/Tracked/Consumer/Resource']);
  });

  test('registered as a validation plugin, as cdk-nag 3 packs are, it says to add it as an Aspect', () => {
    const app = newApp();
    expect(() => new LayerSyncChecks(app).validateScope(app))
      .toThrow(/with cdk-nag 2 installed, the pack is an Aspect.*Aspects\.of\(app\)\.add\(new LayerSyncChecks\(\)\)/);
  });

  testWhen(HAS_VALIDATIONS)('registered with Validations.of(app).addPlugins, synthesis fails loudly with the line to use', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    Validations.of(app).addPlugins(new LayerSyncChecks(app));
    expect(() => app.synth()).toThrow(/with cdk-nag 2 installed, the pack is an Aspect[\s\S]*Aspects\.of\(app\)\.add\(new LayerSyncChecks\(\)\)/);
  });
});

describe(`LayerSyncChecks on cdk-nag ${NAG_VERSION}: the lock file the app's aspect writes (registryOutput)`, () => {
  /** An app whose aspect reads and writes `lock`, which holds an older fingerprint for the app's own producer. */
  function appReadingLock(writesIt: boolean) {
    const lock = path.join(fs.mkdtempSync(path.join(require('os').tmpdir(), 'cls-own-lock-')), 'layers.lock.json');
    const older = new LayerRegistry();
    older.add('/platform/layers/common/arn', 'a'.repeat(64));
    older.writeFile(lock);
    const registry = LayerRegistry.fromFile(lock);
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const consumer = new ConsumerStack(app, 'Consumer');
    addAspect(app, { registry, registryOutput: writesIt ? lock : undefined });
    return { app, consumer, registry, lock };
  }

  /** The pack's StaleRegistryEntry findings on the consumer, run as the installed cdk-nag major runs packs. */
  function staleRegistryFindings(app: ReturnType<typeof newApp>, consumer: Stack, registry: LayerRegistry, registryOutput?: string): string[] {
    if (NAG_MAJOR === 2) {
      Aspects.of(app).add(new LayerSyncChecks(app, { registry, registryOutput }));
      app.synth();
      return nagAnnotations(consumer, 'warning').filter(a => a.startsWith('LayerSync-StaleRegistryEntry'));
    }
    app.synth();
    return violationsOf(app, { registry, registryOutput }).filter(v => v.rule.startsWith('LayerSync-StaleRegistryEntry')).map(v => v.rule);
  }

  test('an older entry for the app\'s own producer is not reported, as the aspect does not report it (this synthesis refreshes it)', () => {
    const { app, consumer, registry, lock } = appReadingLock(true);
    // The pack is told the file the aspect writes, as the aspect is: through its props.
    expect(staleRegistryFindings(app, consumer, registry, lock)).toEqual([]);
    expect(Annotations.fromStack(consumer).findWarning('*', Match.stringLikeRegexp('StaleRegistryEntry'))).toEqual([]);
  });

  test('the same entry in a lock file the app does not write is reported by the pack, as by the aspect', () => {
    const { app, consumer, registry } = appReadingLock(false);
    expect(staleRegistryFindings(app, consumer, registry)).toHaveLength(1);
    expect(Annotations.fromStack(consumer).findWarning('*', Match.stringLikeRegexp('StaleRegistryEntry'))).not.toEqual([]);
  });
});

describe(`LayerSyncChecks on cdk-nag ${NAG_VERSION}: one acknowledgement, one id, for the aspect and the pack`, () => {
  /** The pack's UnhashedConsumer findings, by function, run as the installed cdk-nag major runs packs. */
  function unhashedFindings(app: ReturnType<typeof newApp>, services: Stack): string[] {
    if (NAG_MAJOR === 2) {
      Aspects.of(app).add(new LayerSyncChecks(app));
      app.synth();
      return nagAnnotations(services, 'warning').filter(a => a.startsWith('LayerSync-UnhashedConsumer'));
    }
    app.synth();
    return ruleIdsAndPaths(violationsOf(app)).filter(v => v.startsWith('LayerSync-UnhashedConsumer'));
  }

  test('a warning acknowledged with the aspect\'s id is not a violation of the pack either; the other function still is', () => {
    const { app, services, tools } = mixedApp();
    CoreAnnotations.of(tools).acknowledgeWarning('cdk-layer-sync:UnhashedConsumer', 'owned by the tools team');
    const findings = unhashedFindings(app, services);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain('Powertools');
    expect(findings.join('\n')).not.toContain('Tools/');
    expect(Annotations.fromStack(services).findWarning('/Services/Tools/Resource', Match.stringLikeRegexp('UnhashedConsumer'))).toEqual([]);
  });

  test('an acknowledgement on a scope above (the stack) covers both of its functions in the pack', () => {
    const { app, services } = mixedApp();
    CoreAnnotations.of(services).acknowledgeWarning('cdk-layer-sync:UnhashedConsumer', 'every layer of this stack is external');
    expect(unhashedFindings(app, services)).toEqual([]);
  });

  /** Silence the pack's rule for one function's parameter the way the installed cdk-nag major does. */
  function suppressTheNagWay(fn: Construct, parameter: string | undefined, reason: string): void {
    if (NAG_MAJOR === 2) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { NagSuppressions } = require('cdk-nag');
      NagSuppressions.addResourceSuppressions(fn, [{ id: 'LayerSync-UnhashedConsumer', reason, ...(parameter ? { appliesTo: [`Parameter::${parameter}`] } : {}) }], true);
    } else {
      Validations.of(fn).acknowledge({ id: `LayerSync-UnhashedConsumer${parameter ? `[Parameter::${parameter}]` : ''}`, reason });
    }
  }

  /** The aspect's UnhashedConsumer warnings of the stack, by function, and what its report says of each. */
  function aspectWarnings(app: ReturnType<typeof newApp>, services: Stack) {
    const warnings = Annotations.fromStack(services).findWarning('*', Match.stringLikeRegexp('cdk-layer-sync:UnhashedConsumer')).map(w => w.id).sort();
    const recorded = readReport(app.outdir).findings.filter(f => f.id === 'cdk-layer-sync:UnhashedConsumer')
      .map(f => `${f.path}${f.acknowledged ? ' (acknowledged)' : ''}`).sort();
    return { warnings, recorded };
  }

  // cdk-nag 3 acknowledges a granular finding by its own id only; cdk-nag 2 also by the rule without `appliesTo`.
  test.each(NAG_MAJOR === 2 ? [['for its parameter', OTHER], ['for the whole rule', undefined]] : [['for its parameter', OTHER]])(
    'suppressed the cdk-nag way %s, a finding is silenced in the aspect too, and the report marks it acknowledged', (_how, parameter) => {
    const { app, services, tools } = mixedApp();
    suppressTheNagWay(tools, parameter, 'owned by the tools team, who pin it');
    const findings = unhashedFindings(app, services);
    expect(findings.join('\n')).not.toContain('Tools');
    expect(findings.join('\n')).toContain('Powertools');
    expect(aspectWarnings(app, services)).toEqual({
      warnings: ['/Services/Powertools'],
      recorded: ['Services/Powertools', 'Services/Tools (acknowledged)'],
    });
  });

  test.each(NAG_MAJOR === 2 ? [['for another parameter', EXTERNAL]] : [['for another parameter', EXTERNAL], ['for the whole rule', undefined]])(
    'a suppression %s that cdk-nag does not apply to the finding silences neither door', (_how, parameter) => {
      const { app, services, tools } = mixedApp();
      suppressTheNagWay(tools, parameter, 'a suppression that does not fit this finding');
      expect(unhashedFindings(app, services).join('\n')).toContain('Tools');
      expect(aspectWarnings(app, services).warnings).toEqual(['/Services/Powertools', '/Services/Tools']);
    });
});
