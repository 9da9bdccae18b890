// End to end: examples/cdk-pipelines with the one App-wide call only (`-c layerSync=app-wide`, no Stage line), the
// real `cdk` CLI. On aws-cdk-lib 2.196 and later (the newest, and 2.196.0, the first with property injectors) the
// Stages' consumers follow their layers and the pipeline is ordered as with the per-Stage line; on the floor the call
// says once that Stages need their own line, and StageNotCovered fails the synthesis.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consumers, context, copyTree, documentedLayerFingerprint, pipelineActions, PIPELINES_EXAMPLE_DIR, readStackTemplate, runCdk, synthesizedWith, REPO_ROOT } from '../../scripts/cdk-cli';
import { IS_FLOOR } from '../helpers/cdk-version';

const INJECTORS_FLOOR = require('aws-cdk-lib-injectors-floor/package.json').version as string;

function synth(values: Record<string, string>, env: Record<string, string> = {}) {
  return runCdk(['synth', '--quiet', ...context(values)], PIPELINES_EXAMPLE_DIR, undefined, env);
}

function runOrderOf(outdir: string, stage: string, action: string): number {
  const found = pipelineActions(readStackTemplate(outdir, 'PipelineStack')).find(a => a.stage === stage && a.name === action);
  if (!found) {
    throw new Error(`no action ${stage}/${action} in the pipeline`);
  }
  return found.runOrder;
}

/** The app run on aws-cdk-lib 2.196.0: the floor hook, pointed at that alias, with the newest constructs. */
const ON_2_196 = {
  NODE_OPTIONS: `--require ${path.join(REPO_ROOT, 'scripts', 'cdk-lib-floor.js')}`,
  CLS_AWS_CDK_LIB_PACKAGE: 'aws-cdk-lib-injectors-floor',
  CLS_CONSTRUCTS_PACKAGE: 'constructs',
};

const releases: Array<[string, Record<string, string>]> = IS_FLOOR ? [] : [['the newest release', {}], [INJECTORS_FLOOR, ON_2_196]];

(releases.length > 0 ? describe.each(releases) : describe.skip.each([['-', {}]]))('layerSync=app-wide on %s', (_, env: Record<string, string>) => {
  let perStage: ReturnType<typeof synth>;
  let appWide: ReturnType<typeof synth>;
  beforeAll(() => {
    perStage = synth({}, env);
    appWide = synth({ layerSync: 'app-wide' }, env);
  });

  test('synthesizes on the release asked for, without any cdk-layer-sync finding', () => {
    if (env.CLS_AWS_CDK_LIB_PACKAGE) {
      expect(synthesizedWith(appWide.outdir)).toBe(INJECTORS_FLOOR);
    }
    expect(appWide.stdout + appWide.stderr).not.toContain('cdk-layer-sync:');
    expect(appWide.status).toBe(0);
  });

  test('every Stage\'s consumer carries the fingerprint of its layer, as with the per-Stage line', () => {
    for (const [consumer, producer] of [['PipelineStack/Dev/LambdaStack', 'PipelineStack/Dev/LayerStack'], ['PipelineStack/Service/LambdaStack', 'PipelineStack/Platform/LayerStack']]) {
      const marker = consumers(readStackTemplate(appWide.outdir, consumer))[0].marker;
      expect(marker).toBe(documentedLayerFingerprint(readStackTemplate(appWide.outdir, producer)));
      expect(marker).toBe(consumers(readStackTemplate(perStage.outdir, consumer))[0].marker);
    }
  });

  test('the pipeline prepares the consumer only after the producer deployed, as with the per-Stage line', () => {
    expect(runOrderOf(appWide.outdir, 'Dev', 'LambdaStack.Prepare')).toBeGreaterThan(runOrderOf(appWide.outdir, 'Dev', 'LayerStack.Deploy'));
    expect(pipelineActions(readStackTemplate(appWide.outdir, 'PipelineStack')))
      .toEqual(pipelineActions(readStackTemplate(perStage.outdir, 'PipelineStack')));
  });

  test('a layer change moves the Stage consumers\' versions and aliases', () => {
    const changed = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-app-wide-')), 'tools');
    copyTree(path.join(PIPELINES_EXAMPLE_DIR, 'layers', 'tools'), changed);
    fs.appendFileSync(path.join(changed, 'python', 'tools.py'), '\nCHANGED = True\n');
    const after = synth({ layerSync: 'app-wide', layerSourceDir: changed }, env);
    expect(after.status).toBe(0);
    const before = consumers(readStackTemplate(appWide.outdir, 'PipelineStack/Dev/LambdaStack'))[0];
    const now = consumers(readStackTemplate(after.outdir, 'PipelineStack/Dev/LambdaStack'))[0];
    expect(now.marker).not.toBe(before.marker);
    expect(now.versionId).not.toBe(before.versionId);
    expect(now.aliasTarget).toBe(now.versionId);
  });
});

(IS_FLOOR ? describe : describe.skip)('layerSync=app-wide on the floor (no property injectors)', () => {
  let run: ReturnType<typeof synth>;
  beforeAll(() => {
    run = synth({ layerSync: 'app-wide' });
  });

  test('StageNotCovered fails the synthesis naming why: no other notice', () => {
    const output = run.stdout + run.stderr;
    expect(run.status).not.toBe(0);
    expect(output).not.toContain('has no property injectors');
    expect(output).toContain('cdk-layer-sync:StageNotCovered');
    expect(output).toContain('it covers Stages through property injectors, which aws-cdk-lib 2.172.0 does not have');
  });
});
