// End to end: the shape of public CDK Pipelines apps that broke `cdk synth` with a false UnsupportedCdkRelease
// (issue 36): examples/cdk-pipelines with `-c topLevelStacks=true`, a layer stack and a function stack at the App's
// top level declared after the pipeline stack, whose `addStage()` runs the Stages' aspects while the App is still
// being built. The real `cdk` CLI, with the per-Stage line and with the one call, on the release under test (the
// newest, the floor, and each release of the sweep), and the one call on 2.196.0 too.
import * as fs from 'fs';
import * as path from 'path';
import { consumers, context, documentedLayerFingerprint, pipelineActions, PIPELINES_EXAMPLE_DIR, readStackTemplate, REPO_ROOT, runCdk, synthesizedWith } from '../../scripts/cdk-cli';
import { CDK_VERSION } from '../helpers/cdk-version';

const INJECTORS_FLOOR = require('aws-cdk-lib-injectors-floor/package.json').version as string;
/** The release has property injectors, through which the one call covers Stages. */
const HAS_INJECTORS = Number(CDK_VERSION.split('.')[1]) >= 196;
/** The app run on aws-cdk-lib 2.196.0: the floor hook, pointed at that alias, with the newest constructs. */
const ON_2_196 = {
  NODE_OPTIONS: `--require ${path.join(REPO_ROOT, 'scripts', 'cdk-lib-floor.js')}`,
  CLS_AWS_CDK_LIB_PACKAGE: 'aws-cdk-lib-injectors-floor',
  CLS_CONSTRUCTS_PACKAGE: 'constructs',
};

type Run = ReturnType<typeof runCdk>;

function synth(values: Record<string, string>, env: Record<string, string> = {}): Run {
  return runCdk(['synth', '--quiet', ...context({ topLevelStacks: 'true', ...values })], PIPELINES_EXAMPLE_DIR, undefined, env);
}

/** Each consumer stack of the app with the producer stack whose layer it imports. */
const FOLLOWS: Array<[string, string]> = [
  ['LambdaStack', 'LayerStack'],
  ['PipelineStack/Dev/LambdaStack', 'PipelineStack/Dev/LayerStack'],
  ['PipelineStack/Service/LambdaStack', 'PipelineStack/Platform/LayerStack'],
];

/** The app without the library, synthesized once per release however many modes compare with it. */
const bareRuns = new Map<string, Run>();
function bareSynth(env: Record<string, string>): Run {
  const key = JSON.stringify(env);
  if (!bareRuns.has(key)) {
    bareRuns.set(key, synth({ layerSync: 'off' }, env));
  }
  return bareRuns.get(key)!;
}

/** The pipeline's actions without their run order: what CDK Pipelines builds, whoever orders it. */
function actionNames(run: Run): string[] {
  return pipelineActions(readStackTemplate(run.outdir, 'PipelineStack')).map(a => `${a.stage}/${a.name}`).sort();
}

const modes: Array<[string, Record<string, string>, Record<string, string>]> = [
  ['the per-Stage line', {}, {}],
  ...(HAS_INJECTORS ? [['the one call', { layerSync: 'app-wide' }, {}] as [string, Record<string, string>, Record<string, string>]] : []),
  // The newest release's project also runs the one call on the first release with property injectors.
  ...(HAS_INJECTORS && !process.env.CLS_RELEASE_DIR
    ? [[`the one call on aws-cdk-lib ${INJECTORS_FLOOR}`, { layerSync: 'app-wide' }, ON_2_196] as [string, Record<string, string>, Record<string, string>]] : []),
];

describe.each(modes)(`top-level stacks after a pipeline stack, aws-cdk-lib ${CDK_VERSION}, %s`, (_, values, env) => {
  let run: Run;
  let bare: Run;
  beforeAll(() => {
    run = synth(values, env);
    bare = bareSynth(env);
  });

  test('synthesizes the whole assembly, with no cdk-layer-sync finding', () => {
    if (env.CLS_AWS_CDK_LIB_PACKAGE) {
      expect(synthesizedWith(run.outdir)).toBe(INJECTORS_FLOOR);
    }
    expect(run.stdout + run.stderr).not.toContain('cdk-layer-sync:');
    expect(run.status).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(run.outdir, 'manifest.json'), 'utf-8'));
    expect(Object.keys(manifest.artifacts)).toEqual(expect.arrayContaining(['PipelineStack', 'LayerStack', 'LambdaStack']));
  });

  test('every consumer, top level and in the Stages, carries the documented fingerprint of its layer', () => {
    for (const [consumer, producer] of FOLLOWS) {
      const marker = consumers(readStackTemplate(run.outdir, consumer))[0].marker;
      expect({ consumer, marker }).toEqual({ consumer, marker: documentedLayerFingerprint(readStackTemplate(run.outdir, producer)) });
    }
  });

  test('the report lists the top-level consumer\'s version and alias, and no finding', () => {
    const report = JSON.parse(fs.readFileSync(path.join(run.outdir, 'layer-dependencies.json'), 'utf-8'));
    const consumer = report.consumers.find((c: { function: string }) => c.function === 'LambdaStack/OrdersFunction');
    const template = consumers(readStackTemplate(run.outdir, 'LambdaStack'))[0];
    expect(consumer.versions).toEqual([template.versionId]);
    expect(consumer.aliases).toEqual(['Live']);
    expect(report.findings).toEqual([]);
  });

  test('the pipeline has the same actions as without the library; only the order it adds differs', () => {
    expect(bare.status).toBe(0);
    expect(actionNames(run)).toEqual(actionNames(bare));
    const actions = pipelineActions(readStackTemplate(run.outdir, 'PipelineStack'));
    const order = (name: string) => actions.find(a => a.stage === 'Dev' && a.name === name)!.runOrder;
    expect(order('LambdaStack.Prepare')).toBeGreaterThan(order('LayerStack.Deploy'));
  });
});
