// End to end: the real `cdk` CLI on a pipeline app shaped like a platform team's (test/e2e/fixtures/pipeline-team):
// a CodePipeline Stage with the team's own aspects and cdk-nag 2, and cdk-layer-sync's one line in the Stage and on
// the App. What the team's app does must be exactly what it does without cdk-layer-sync.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consumers, context, documentedLayerFingerprint, readStackTemplate, runCdk, synthesizedWith } from '../../scripts/cdk-cli';
import { CDK_VERSION } from '../helpers/cdk-version';

const FIXTURE = path.join(__dirname, 'fixtures', 'pipeline-team');
const STAGE_ASSEMBLY = 'assembly-PipelineStack-Dev';

function synth(values: Record<string, string>) {
  const countFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-count-')), 'count');
  const run = runCdk(['synth', '--quiet', ...context(values)], FIXTURE, undefined, { TEAM_ASPECT_COUNT_FILE: countFile });
  const count = fs.existsSync(countFile) ? Number(fs.readFileSync(countFile, 'utf-8')) : undefined;
  fs.rmSync(path.dirname(countFile), { recursive: true, force: true });
  return { ...run, count, output: run.stdout + run.stderr };
}

/** Every cdk-nag 2 report the synthesis wrote (the directory differs between releases), by file name. */
function nagReports(outdir: string): Record<string, string> {
  const reports: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name.endsWith('-NagReport.csv')) {
        reports[entry.name] = fs.readFileSync(full, 'utf-8');
      }
    }
  };
  walk(outdir);
  return reports;
}

/** `validateOnSynth` of each stack of the Stage's nested cloud assembly, by artifact id. */
function validateOnSynth(outdir: string): Record<string, unknown> {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, STAGE_ASSEMBLY, 'manifest.json'), 'utf-8'));
  return Object.fromEntries(Object.entries<any>(manifest.artifacts)
    .filter(([, a]) => a.type === 'aws:cloudformation:stack')
    .map(([id, a]) => [id, a.properties?.validateOnSynth]));
}

/** Every template listed in an asset manifest of the Stage, with its listed hash and the SHA-256 of the file. */
function templateAssets(outdir: string): Array<{ id: string; sha256: string }> {
  const dir = path.join(outdir, STAGE_ASSEMBLY);
  return fs.readdirSync(dir).filter(f => f.endsWith('.assets.json')).flatMap(file => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf-8'));
    return Object.entries<any>(manifest.files ?? {})
      .filter(([, asset]) => String(asset.source?.path).endsWith('.template.json'))
      .map(([id, asset]) => ({ id, sha256: createHash('sha256').update(fs.readFileSync(path.join(dir, asset.source.path))).digest('hex') }));
  });
}

describe('a pipeline app with its own aspects and cdk-nag 2, with and without cdk-layer-sync', () => {
  const without = synth({ layerSync: 'off' });
  const withIt = synth({ layerSync: 'stage' });

  test('both synthesize, on the aws-cdk-lib release under test', () => {
    expect([without.status, withIt.status]).toEqual([0, 0]);
    expect(synthesizedWith(withIt.outdir)).toBe(CDK_VERSION);
  });

  test('the Stage keeps the validation CDK Pipelines asked for', () => {
    expect(Object.values(validateOnSynth(without.outdir))).toEqual([true, true]);
    expect(validateOnSynth(withIt.outdir)).toEqual(validateOnSynth(without.outdir));
  });

  test('the team\'s aspects run once: the same visit count, and one output per function', () => {
    expect(without.count).toBe(1);
    expect(withIt.count).toBe(without.count);
    const template = readStackTemplate(withIt.outdir, 'PipelineStack/Dev/LambdaStack') as { Outputs?: Record<string, unknown> };
    const outputs = Object.keys(template.Outputs ?? {});
    expect(outputs.filter(o => o.startsWith('ArnOutHogeFunction'))).toHaveLength(1);
  });

  test('cdk-nag 2 in the Stage writes the same report rows', () => {
    const reports = nagReports(without.outdir);
    expect(Object.keys(reports).sort()).toEqual(['AwsSolutions-Dev-Dev-LambdaStack-NagReport.csv', 'AwsSolutions-Dev-Dev-LayerStack-NagReport.csv']);
    expect(nagReports(withIt.outdir)).toEqual(reports);
  });

  test('the consumer in the Stage follows its layer', () => {
    const [consumer] = consumers(readStackTemplate(withIt.outdir, 'PipelineStack/Dev/LambdaStack'));
    expect(consumer.marker).toBe(documentedLayerFingerprint(readStackTemplate(withIt.outdir, 'PipelineStack/Dev/LayerStack')));
    expect(consumers(readStackTemplate(without.outdir, 'PipelineStack/Dev/LambdaStack'))[0].marker).toBeUndefined();
  });

  test('every template the Stage\'s asset manifests list is listed under the SHA-256 it has on disk', () => {
    const assets = templateAssets(withIt.outdir);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      expect(asset.id).toBe(asset.sha256);
    }
  });
});

describe('an error annotation in a Stage stack', () => {
  test.each(['off', 'stage'])('fails cdk synth with layerSync=%s, printing the error', mode => {
    const run = synth({ layerSync: mode, stageError: 'true', nag: 'off' });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('team check: this stack must not deploy');
  });
});

describe('the aspect on the App alone, the Stage without its line', () => {
  test('StageNotCovered fails a plain cdk synth, once, on the pipeline stack that holds the Stage, naming the Stage and the line to add', () => {
    const run = synth({ layerSync: 'app-only', nag: 'off' });
    expect(run.status).not.toBe(0);
    const shown = run.output.split('cdk-layer-sync:StageNotCovered: Stage PipelineStack/Dev was synthesized without LayerDependencyAspect');
    expect(shown).toHaveLength(2);
    expect(run.output).toContain('(PipelineStack/Dev/LambdaStack/HogeFunction)');
    expect(run.output).toContain('Aspects.of(this).add(new LayerDependencyAspect(), { priority: AspectPriority.MUTATING })');
  });
});
