// End to end: the real `cdk` CLI on examples/cdk-pipelines (a CodePipeline deploying three Stages).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consumers, context, copyTree, documentedLayerFingerprint, pipelineActions, PIPELINES_EXAMPLE_DIR, readStackTemplate, runCdk, synthesizedWith } from '../../scripts/cdk-cli';
import { CDK_VERSION } from '../helpers/cdk-version';

const LAYER_SOURCE = path.join(PIPELINES_EXAMPLE_DIR, 'layers', 'tools');

function synth(values: Record<string, string> = {}) {
  return runCdk(['synth', '--quiet', ...context(values)], PIPELINES_EXAMPLE_DIR);
}

function runOrderOf(outdir: string, stage: string, action: string): number {
  const found = pipelineActions(readStackTemplate(outdir, 'PipelineStack')).find(a => a.stage === stage && a.name === action);
  if (!found) {
    throw new Error(`no action ${stage}/${action} in the pipeline`);
  }
  return found.runOrder;
}

/** The marker of the one function of a stack, and its Version logical id. */
function consumerOf(outdir: string, stackPath: string) {
  const [view] = consumers(readStackTemplate(outdir, stackPath));
  return view;
}

function layerFingerprint(outdir: string, stackPath: string): string {
  return documentedLayerFingerprint(readStackTemplate(outdir, stackPath));
}

describe('cdk synth on examples/cdk-pipelines', () => {
  const run = synth();

  test('succeeds without any cdk-layer-sync finding', () => {
    expect(run.stdout + run.stderr).not.toContain('cdk-layer-sync:');
    expect(run.status).toBe(0);
  });

  test('the app ran on the aws-cdk-lib release under test', () => {
    expect(synthesizedWith(run.outdir)).toBe(CDK_VERSION);
  });

  test('the Dev pipeline stage prepares LambdaStack only after LayerStack deployed', () => {
    expect(runOrderOf(run.outdir, 'Dev', 'LambdaStack.Prepare')).toBeGreaterThan(runOrderOf(run.outdir, 'Dev', 'LayerStack.Deploy'));
  });

  test('the Platform pipeline stage comes before the Service stage', () => {
    const stages = [...new Set(pipelineActions(readStackTemplate(run.outdir, 'PipelineStack')).map(a => a.stage))];
    expect(stages.indexOf('Platform')).toBeGreaterThanOrEqual(0);
    expect(stages.indexOf('Platform')).toBeLessThan(stages.indexOf('Service'));
  });

  test('each consumer carries the fingerprint of the layer of its own environment', () => {
    expect(consumerOf(run.outdir, 'PipelineStack/Dev/LambdaStack').marker).toBe(layerFingerprint(run.outdir, 'PipelineStack/Dev/LayerStack'));
    expect(consumerOf(run.outdir, 'PipelineStack/Service/LambdaStack').marker)
      .toBe(layerFingerprint(run.outdir, 'PipelineStack/Platform/LayerStack'));
  });
});

describe('a layer change in the pipeline app', () => {
  test('moves the Dev and Service consumers: new fingerprint, new Version, Live alias on it', () => {
    const layerDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-pipe-')), 'tools');
    copyTree(LAYER_SOURCE, layerDir);
    const before = synth({ layerSourceDir: layerDir });
    fs.writeFileSync(path.join(layerDir, 'python', 'tools.py'),
      fs.readFileSync(path.join(layerDir, 'python', 'tools.py'), 'utf-8').replace('1.2.3', '1.2.4'));
    const after = synth({ layerSourceDir: layerDir });
    expect([before.status, after.status]).toEqual([0, 0]);

    for (const stack of ['PipelineStack/Dev/LambdaStack', 'PipelineStack/Service/LambdaStack']) {
      const old = consumerOf(before.outdir, stack);
      const now = consumerOf(after.outdir, stack);
      expect(now.marker).toMatch(/^[0-9a-f]{12}$/);
      expect(now.marker).not.toBe(old.marker);
      expect(now.versionId).not.toBe(old.versionId);
      expect(now.aliasTarget).toBe(now.versionId);
    }
  });
});

describe('what the aspect reports in a pipeline app, in a plain cdk synth', () => {
  test('Platform and Service in one wave: PipelineOrder fails the synthesis, naming both stages', () => {
    const result = synth({ sameWave: 'true' });
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('cdk-layer-sync:PipelineOrder: inside Stage PipelineStack/Service');
    expect(output).toContain("pipeline stage 'Platform' (wave 2, 'Prod')");
  });

  test('a strong cross-stack layer reference inside the Dev Stage: an ExportedLayerArn warning', () => {
    const result = synth({ exportLayer: 'true' });
    expect(result.status).toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('function PipelineStack/Dev/LambdaStack/OrdersFunction takes its layer ARN from strong cross-stack reference');
    expect(output).toContain("Acknowledge with 'Annotation::cdk-layer-sync:ExportedLayerArn'");
  });

  test('without the aspect, CDK Pipelines prepares both Dev stacks at once (the bug)', () => {
    const result = synth({ layerSync: 'off' });
    expect(result.status).toBe(0);
    expect(runOrderOf(result.outdir, 'Dev', 'LambdaStack.Prepare')).toBe(runOrderOf(result.outdir, 'Dev', 'LayerStack.Prepare'));
  });
});
