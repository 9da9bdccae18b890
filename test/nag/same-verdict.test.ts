// The aspect and the cdk-nag pack are two doors to one analysis: on every shape of the aspect's fixtures, they must
// give each consumer (and each layer) the same verdict. Runs on whichever cdk-nag major the jest project loads:
// cdk-nag 3 on the newest aws-cdk-lib, cdk-nag 2 on the newest (nag2) and on the floor.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Annotations as CdkAnnotations, App, Aspects, CfnResource, CrossStackReferences, Fn, ReferenceStrength, RemovalPolicy, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { LayerDependencyAspectProps, LayerRegistry, LayerSyncChecks } from '../../src';
import { LAYER_SYNC_RULES } from '../../src/nag/rules/all-rules';
import { ruleName } from '../../src/nag/rules/layer-sync-rule';
import { readReport } from '../../src/report/read-report';
import { checkCommand } from '../../src/cli/check-command';
import { diffReports } from '../../src/diff/layer-diff';
import { buildGraph } from '../../src/graph/layer-graph';
import { addAspect, ConsumerStack, consumerFunction, layerSource, newApp, PARAMETER, ProducerStack } from '../helpers/apps';
import { HAS_WEAK_REFERENCES } from '../helpers/cdk-version';
import { NAG_MAJOR, violationsOf } from '../helpers/nag';
import { PipelineStack, PlatformStage, ServiceStage } from '../helpers/pipelines';
import { buildPowertoolsShapedApp } from '../helpers/reports';

const ENV = { account: '111111111111', region: 'eu-west-1' };
const LOOKUP_KEY = `ssm:account=111111111111:parameterName=${PARAMETER}:region=eu-west-1`;

/** One shape of app. `stage` is called on every Stage before a pipeline synthesizes it (the aspect's line goes there). */
interface Scenario {
  readonly context?: Record<string, string>;
  readonly registry?: () => LayerRegistry;
  /** The aspect's props beyond the registry. */
  readonly aspectProps?: () => LayerDependencyAspectProps;
  /** Why the pack alone (no aspect) sees another app, when it does: its part of the comparison is left out. */
  readonly differsWithoutTheAspect?: string;
  /** Why this finding is the aspect's alone on cdk-nag 2 (docs/cdk-nag.md says so): left out of the comparison there. */
  readonly aspectAloneOnCdkNag2?: string;
  /** False where the installed aws-cdk-lib lacks what the shape needs. */
  readonly available?: boolean;
  build(app: App, stage: (s: Stage) => void): void;
}

const SCENARIOS: Record<string, Scenario> = {
  'an SSM parameter of the app\'s own producer': {
    build: app => {
      new ProducerStack(app, 'Producer');
      new ConsumerStack(app, 'Consumer');
    },
  },
  'a parameter no stack of the app produces': {
    build: app => {
      new ConsumerStack(app, 'Orphan', { parameterName: '/other-team/arn' });
    },
  },
  'a parameter no stack of the app produces, its warning acknowledged on the stack': {
    build: app => {
      const orphan = new ConsumerStack(app, 'Orphan', { parameterName: '/other-team/arn' });
      CdkAnnotations.of(orphan).acknowledgeWarning('cdk-layer-sync:UnhashedConsumer', 'the other team pins it by hand');
    },
  },
  'a layer passed by strong reference (Export/ImportValue), destroyed on update': {
    build: app => {
      const producer = new ProducerStack(app, 'Producer', { removalPolicy: RemovalPolicy.DESTROY });
      consumerFunction(new Stack(app, 'Direct'), 'Fn', [producer.layer]);
    },
  },
  'a function pinned by literal ARN to a version of a layer the app publishes': {
    build: app => {
      const layers = new Stack(app, 'Layers', { env: ENV });
      new lambda.LayerVersion(layers, 'Tools', { layerVersionName: 'shared-tools', code: lambda.Code.fromAsset(layerSource()) });
      const service = new Stack(app, 'Service', { env: ENV });
      consumerFunction(service, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(service, 'L', `arn:aws:lambda:eu-west-1:${ENV.account}:layer:shared-tools:3`)]);
    },
  },
  'a layer passed by weak reference': {
    available: HAS_WEAK_REFERENCES,
    build: app => {
      const layer = new lambda.LayerVersion(new Stack(app, 'Layers'), 'Layer', { code: lambda.Code.fromAsset(layerSource()) });
      CrossStackReferences.of(layer).produce(ReferenceStrength.WEAK);
      consumerFunction(new Stack(app, 'Weak'), 'Fn', [layer]);
    },
  },
  'a cached valueFromLookup, a pinned parameter version and a literal ARN': {
    context: { [LOOKUP_KEY]: 'arn:aws:lambda:eu-west-1:111111111111:layer:common:2' },
    build: app => {
      new ProducerStack(app, 'Producer', { env: ENV });
      const stack = new Stack(app, 'Mixed', { env: ENV });
      consumerFunction(stack, 'Cached', [lambda.LayerVersion.fromLayerVersionArn(stack, 'C', ssm.StringParameter.valueFromLookup(stack, PARAMETER))]);
      consumerFunction(stack, 'Pinned', [lambda.LayerVersion.fromLayerVersionArn(stack, 'P', ssm.StringParameter.valueForStringParameter(stack, PARAMETER, 3))]);
      consumerFunction(stack, 'Literal', [lambda.LayerVersion.fromLayerVersionArn(stack, 'L', 'arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-x86_64:7')]);
    },
  },
  'an ARN built around an import': {
    build: app => {
      const stack = new Stack(app, 'Built');
      const arn = Fn.join(':', ['arn:aws:lambda:eu-west-1:111111111111:layer', Fn.importValue('LayerName'), '3']);
      consumerFunction(stack, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(stack, 'L', arn)]);
    },
  },
  'a producer stack that already depends on its consumer': {
    build: app => {
      const producer = new ProducerStack(app, 'Producer');
      const consumer = new ConsumerStack(app, 'Consumer');
      producer.addDependency(consumer);
    },
  },
  'a registry entry whose source changed': {
    registry: () => {
      const source = layerSource('VALUE = 1\n');
      const registry = new LayerRegistry();
      registry.addDirectory('/shared/arn', source);
      fs.writeFileSync(path.join(source, 'python', 'shared.py'), 'VALUE = 2\n');
      return registry;
    },
    build: app => {
      new ConsumerStack(app, 'Consumer', { parameterName: '/shared/arn' });
    },
  },
  'a layer the app publishes to the lock file it writes, destroyed on update': {
    aspectProps: () => ({ registryOutput: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-lock-')), 'layers.lock.json') }),
    differsWithoutTheAspect: 'without the aspect, no lock file is written: the layer is shared with no other app',
    build: app => {
      new ProducerStack(app, 'Producer', { removalPolicy: RemovalPolicy.DESTROY });
    },
  },
  'the AWS Powertools layer stack\'s conditional parameters': {
    build: app => {
      buildPowertoolsShapedApp(app, 'X = 1\n', 'A = 1\n');
    },
  },
  'a CDK Pipeline deploying the consumer Stage in the producer Stage\'s wave': {
    aspectAloneOnCdkNag2: 'PipelineOrder',
    build: (app, stage) => {
      const pipelineStack = new PipelineStack(app, 'PipelineStack');
      const wave = pipelineStack.pipeline.addWave('All');
      const platform = new PlatformStage(pipelineStack, 'Platform');
      const service = new ServiceStage(pipelineStack, 'Service');
      stage(platform);
      stage(service);
      wave.addStage(platform);
      wave.addStage(service);
    },
  },
  'a CDK Pipeline deploying the producer Stage first': {
    build: (app, stage) => {
      const pipelineStack = new PipelineStack(app, 'PipelineStack');
      const platform = new PlatformStage(pipelineStack, 'Platform');
      const service = new ServiceStage(pipelineStack, 'Service');
      stage(platform);
      stage(service);
      pipelineStack.pipeline.addStage(platform);
      pipelineStack.pipeline.addStage(service);
    },
  },
};

/** The names of the findings the pack has a rule for. */
const PACK_FINDINGS = new Set(LAYER_SYNC_RULES.map(r => ruleName(r.definition)));

/** A construct path as both doors name it: no leading slash, a resource's `/Resource` left out. */
function normalized(constructPath: string): string {
  return constructPath.replace(/^\//, '').replace(/\/Resource$/, '');
}

/** Every function and layer version of the tree, by normalized path. */
function functionsAndLayers(app: App): string[] {
  return app.node.findAll()
    .filter((c): c is CfnResource => CfnResource.isCfnResource(c)
      && ['AWS::Lambda::Function', 'AWS::Lambda::LayerVersion'].includes(c.cfnResourceType))
    .map(c => normalized(c.node.path)).sort();
}

/** `Name @ path` for every annotation of the stacks of the tree whose text starts with `prefix` (cdk-nag 2's findings). */
function annotated(app: App, prefix: string): string[] {
  const pattern = new RegExp(`^${prefix}([A-Za-z]+)`);
  const found = app.node.findAll().filter((c): c is Stack => Stack.isStack(c)).flatMap(stack => {
    const annotations = Annotations.fromStack(stack);
    const match = Match.stringLikeRegexp(prefix);
    return [...annotations.findError('*', match), ...annotations.findWarning('*', match), ...annotations.findInfo('*', match)];
  });
  return found.flatMap(a => {
    const id = pattern.exec(String(a.entry.data));
    return id ? [`${id[1]} @ ${normalized(a.id)}`] : [];
  });
}

/** Build and synthesize a scenario with the aspect, the pack, or both, registered as users do on this cdk-nag major. */
function run(scenario: Scenario, doors: { aspect: boolean; pack: boolean }) {
  const app = newApp({ context: scenario.context ?? {} });
  const registry = scenario.registry?.();
  const aspectProps = scenario.aspectProps?.() ?? {};
  // The app tells the pack the lock file its aspect writes, as it tells the aspect; without the aspect none is written.
  const packLockFile = doors.aspect ? aspectProps.registryOutput : undefined;
  const addDoors = (scope: App | Stage) => {
    if (doors.aspect) {
      addAspect(scope, { ...aspectProps, registry });
    }
    if (doors.pack && NAG_MAJOR === 2) {
      Aspects.of(scope).add(new LayerSyncChecks(undefined, { registry, registryOutput: packLockFile }));
    }
  };
  scenario.build(app, addDoors);
  addDoors(app);
  app.synth();
  // cdk-nag 3: validated as `Validations.of(app).addPlugins` does, on the finished tree (without failing the synthesis).
  const packFindings = !doors.pack ? [] : NAG_MAJOR === 3
    ? violationsOf(app, { registry, registryOutput: packLockFile }).flatMap(v => v.paths.map(p => `${/^LayerSync-([A-Za-z]+)/.exec(v.rule)![1]} @ ${normalized(p)}`))
    : annotated(app, 'LayerSync-');
  // The aspect's findings as its report records them, where it raised them: a finding inside a Stage that a
  // pipeline synthesized before the App's checks ran is shown on a top-level stack, not in the Stage's template.
  const reported = doors.aspect ? readReport(app.outdir).findings : [];
  const asText = (f: { id: string; path: string }) => `${f.id.replace(/^cdk-layer-sync:/, '')} @ ${normalized(f.path)}`;
  // What stands (the pack, like cdk synth --strict, does not report an acknowledged warning), and all of it.
  const aspectFindings = reported.filter(f => !f.acknowledged).map(asText);
  return { app, aspectFindings, allAspectFindings: reported.map(asText), packFindings };
}

/**
 * The findings each door after synthesis shows for an assembly, as `Name @ path`: `check --json` (each layer's
 * finding and the findings of the app), `graph --format json` (each layer's edge label and the finding nodes), and
 * `diff` of the assembly with itself (the findings of the app: no layer changed). `onLayers`: those a layer shows.
 */
function doorFindings(outdir: string): { check: string[]; graph: string[]; diff: string[]; onLayers: string[] } {
  const lines: string[] = [];
  checkCommand([outdir, '--json'], line => lines.push(line));
  const checked = JSON.parse(lines.join('\n'));
  const name = (id: string) => id.replace(/^cdk-layer-sync:/, '');
  const onLayers = (checked.consumers as Array<{ function: string; finding?: string }>)
    .flatMap(row => (row.finding ? [`${name(row.finding)} @ ${normalized(row.function)}`] : []));
  const check = [...onLayers, ...(checked.findings as Array<{ id: string; path: string }>).map(f => `${name(f.id)} @ ${normalized(f.path)}`)];
  const report = readReport(outdir);
  const graphed = buildGraph([{ name: 'app', report }]);
  const labelOf = new Map(graphed.nodes.map(n => [n.id, n.label]));
  const graph = [
    ...graphed.edges.filter(e => !e.followed && PACK_OR_ASPECT_NAME.test(e.label)).map(e => `${e.label.replace(/ \(acknowledged\)$/, '')} @ ${normalized(labelOf.get(e.to)![0])}`),
    ...graphed.nodes.filter(n => n.kind === 'finding').map(n => `${n.label[0].replace(/^[A-Z]+( \(acknowledged\))?: /, '')} @ ${normalized(n.label[1])}`),
  ];
  const diff = diffReports([report], [report]).findings.map(f => `${name(f.id)} @ ${normalized(f.path)}`);
  return { check, graph, diff, onLayers };
}

/** A finding's name as an edge label shows it (a status, such as `pinned`, is not one). */
const PACK_OR_ASPECT_NAME = /^[A-Z][A-Za-z]+( \(acknowledged\))?$/;

/** Per function and layer: the sorted, distinct names of the findings on it. */
function verdicts(paths: string[], findings: string[], keep: (name: string) => boolean = () => true): Record<string, string[]> {
  const byPath: Record<string, string[]> = Object.fromEntries(paths.map(p => [p, []]));
  for (const finding of findings) {
    const [name, where] = finding.split(' @ ');
    if (where in byPath && keep(name) && !byPath[where].includes(name)) {
      byPath[where].push(name);
    }
  }
  return Object.fromEntries(Object.entries(byPath).map(([p, names]) => [p, names.sort()]));
}

describe(`the aspect and the cdk-nag ${NAG_MAJOR} pack give each consumer and layer the same verdict`, () => {
  test.each(Object.keys(SCENARIOS).filter(name => SCENARIOS[name].available !== false))('%s', name => {
    const scenario = SCENARIOS[name];

    // Both in one app: the pack reports exactly the aspect's findings it has rules for.
    const both = run(scenario, { aspect: true, pack: true });
    const paths = functionsAndLayers(both.app);
    const onlyTheAspect = NAG_MAJOR === 2 ? scenario.aspectAloneOnCdkNag2 : undefined;
    const aspectVerdicts = verdicts(paths, both.aspectFindings, n => PACK_FINDINGS.has(n) && n !== onlyTheAspect);
    expect(verdicts(paths, both.packFindings)).toEqual(aspectVerdicts);

    // The doors after synthesis read the report: check, graph and diff show each function and layer the aspect's
    // findings, every one of them (those of the app as a whole included).
    // Acknowledged findings included: these doors show them, marked.
    const everywhere = [...new Set([...paths, ...both.allAspectFindings.map(f => f.split(' @ ')[1])])].sort();
    const allAspectVerdicts = verdicts(everywhere, both.allAspectFindings);
    const doors = doorFindings(both.app.outdir);
    expect(verdicts(everywhere, doors.check)).toEqual(allAspectVerdicts);
    expect(verdicts(everywhere, doors.graph)).toEqual(allAspectVerdicts);
    expect(verdicts(everywhere, doors.diff)).toEqual(verdicts(everywhere, both.allAspectFindings.filter(f => !doors.onLayers.includes(f))));

    if (scenario.differsWithoutTheAspect) {
      return;
    }
    // The pack alone: the same, plus ConsumerNotFollowing on exactly the consumers the aspect follows.
    const alone = run(scenario, { aspect: false, pack: true });
    const followed = readReport(both.app.outdir).consumers
      .filter(c => c.layers.some(l => l.status === 'tracked' || l.status === 'stale'))
      .map(c => normalized(c.function));
    const expected = Object.fromEntries(Object.entries(aspectVerdicts)
      .map(([p, names]) => [p, (followed.includes(p) ? [...names, 'ConsumerNotFollowing'] : names).sort()]));
    expect(verdicts(paths, alone.packFindings)).toEqual(expected);
  });

  test('the table is not vacuous: between them, the scenarios raise every finding the pack has a rule for, but for a changed release (and on cdk-nag 2 the order of a wave)', () => {
    const raised = new Set<string>();
    for (const scenario of Object.values(SCENARIOS).filter(s => s.available !== false)) {
      for (const finding of run(scenario, { aspect: false, pack: true }).packFindings) {
        raised.add(finding.split(' @ ')[0]);
      }
    }
    // UnsupportedCdkRelease needs a changed release (test/nag/rules/unsupported-cdk-release.test.ts); PipelineOrder
    // of a wave is the aspect's alone on cdk-nag 2.
    const notRaised = NAG_MAJOR === 2 ? ['PipelineOrder', 'UnsupportedCdkRelease'] : ['UnsupportedCdkRelease'];
    expect([...PACK_FINDINGS].filter(n => !raised.has(n)).sort()).toEqual(notRaised);
  });
});
