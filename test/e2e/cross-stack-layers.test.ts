// End to end: the real `cdk` CLI on examples/cross-stack-layers, read back from the files it writes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consumers, context, copyTree, documentedLayerFingerprint, EXAMPLE_DIR, readTemplate, runCdk, synthesizedWith } from '../../scripts/cdk-cli';
import { CDK_VERSION, describeWhen } from '../helpers/cdk-version';
import { NAG_MAJOR } from '../helpers/nag';

const LAYER_SOURCE = path.join(EXAMPLE_DIR, 'functions', 'src', 'lambda_layers', 'common_modules');

/** The documented fingerprint of the layer in a synthesized CommonStack template, 12 characters. */
function layerFingerprint(outdir: string): string {
  return documentedLayerFingerprint(readTemplate(outdir, 'CommonStack'));
}

function layerCopy(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-e2e-')), 'common_modules');
  copyTree(LAYER_SOURCE, dir);
  return dir;
}

describe('cdk synth on examples/cross-stack-layers', () => {
  const run = runCdk(['synth', '--quiet']);

  test('succeeds', () => {
    expect(run.stderr).not.toMatch(/cdk-layer-sync:/);
    expect(run.status).toBe(0);
  });

  test('the app ran on the aws-cdk-lib release under test (the newest, or the floor)', () => {
    expect(synthesizedWith(run.outdir)).toBe(CDK_VERSION);
  });

  test('both child functions carry the CommonStack layer fingerprint in their description', () => {
    const views = consumers(readTemplate(run.outdir, 'ChildStack'));
    expect(views.map(v => v.description).sort()).toEqual([
      `ChildHogeLambda of the sample service [layer-sync ${layerFingerprint(run.outdir)}]`,
      `ChildHugaLambda of the sample service [layer-sync ${layerFingerprint(run.outdir)}]`,
    ]);
  });

  test('the manifest orders ChildStack after CommonStack', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(run.outdir, 'manifest.json'), 'utf-8'));
    expect(manifest.artifacts.ChildStack.dependencies).toContain('CommonStack');
    expect(manifest.artifacts.CommonStack.dependencies ?? []).not.toContain('ChildStack');
  });
});

describe('a layer change, with and without the aspect', () => {
  function synthTwice(layerSync: 'on' | 'off') {
    const layerDir = layerCopy();
    const synth = () => {
      const result = runCdk(['synth', '--quiet', ...context({ layerSourceDir: layerDir, layerSync })]);
      expect(result.status).toBe(0);
      return result.outdir;
    };
    const before = synth();
    fs.appendFileSync(path.join(layerDir, 'python', 'common_modules', 'module_b.py'), '\nTRIPLE = 3\n');
    const after = synth();
    return { before, after };
  }

  test('with it: every consumer gets a new fingerprint, a new Version, and its Live alias moves', () => {
    const { before, after } = synthTwice('on');
    expect(layerFingerprint(after)).not.toBe(layerFingerprint(before));
    const old = consumers(readTemplate(before, 'ChildStack'));
    const now = consumers(readTemplate(after, 'ChildStack'));
    expect(now).toHaveLength(2);
    for (const view of now) {
      const previous = old.find(o => o.functionId === view.functionId)!;
      expect(view.marker).toBe(layerFingerprint(after));
      expect(previous.marker).toBe(layerFingerprint(before));
      expect(view.versionId).not.toBe(previous.versionId);
      expect(view.aliasTarget).toBe(view.versionId);
    }
  });

  test('without it: ChildStack.template.json is byte-identical (the bug)', () => {
    const { before, after } = synthTwice('off');
    expect(fs.readFileSync(path.join(after, 'CommonStack.template.json'), 'utf-8'))
      .not.toBe(fs.readFileSync(path.join(before, 'CommonStack.template.json'), 'utf-8'));
    expect(fs.readFileSync(path.join(after, 'ChildStack.template.json'), 'utf-8'))
      .toBe(fs.readFileSync(path.join(before, 'ChildStack.template.json'), 'utf-8'));
  });
});

describe('a consumer with no producer (OrphanStack)', () => {
  test('cdk synth warns, naming the function and the parameter, and still succeeds', () => {
    const result = runCdk(['synth', '--quiet', ...context({ withOrphan: 'true' })]);
    expect(result.status).toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('OrphanStack/OrphanFunction');
    expect(output).toContain("SSM parameter '/other-team/layers/tools/arn'");
    expect(output).toMatch(/WARNING function OrphanStack\/OrphanFunction imports its layer/);
    expect(output).toContain("Acknowledge with 'Annotation::cdk-layer-sync:UnhashedConsumer'");
  });

  test('cdk synth --strict fails on that warning', () => {
    const result = runCdk(['synth', '--quiet', '--strict', ...context({ withOrphan: 'true' })]);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('cdk-layer-sync:UnhashedConsumer');
  });

  test('without the orphan, --strict passes: the example itself has no finding', () => {
    const result = runCdk(['synth', '--quiet', '--strict']);
    expect(result.stdout + result.stderr).not.toContain('cdk-layer-sync:');
    expect(result.status).toBe(0);
  });
});

describe('cdk list', () => {
  test('prints the producer stack before its consumers', () => {
    const result = runCdk(['list']);
    expect(result.status).toBe(0);
    const stacks = result.stdout.trim().split('\n').map(s => s.trim());
    expect(stacks.indexOf('CommonStack')).toBeGreaterThanOrEqual(0);
    expect(stacks.indexOf('CommonStack')).toBeLessThan(stacks.indexOf('ChildStack'));
  });
});

describe('FindingLevel.ERROR', () => {
  test('fails cdk synth, naming the finding', () => {
    const result = runCdk(['synth', '--quiet'], path.join(__dirname, 'fixtures', 'error-level'));
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/cdk-layer-sync:UnhashedConsumer: function StrictConsumer\/Fn/);
  });
});

describeWhen(NAG_MAJOR === 3)('with the LayerSync cdk-nag pack (-c nag=true)', () => {
  test('the example passes the pack', () => {
    const result = runCdk(['synth', '--quiet', ...context({ nag: 'true' })]);
    expect(result.stdout + result.stderr).not.toContain('LayerSync-');
    expect(result.status).toBe(0);
  });

  test('the orphan consumer fails cdk synth; validation-report.json names the rule, the parameter and the function', () => {
    const result = runCdk(['synth', '--quiet', ...context({ nag: 'true', withOrphan: 'true' })]);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('LayerSync::LayerSync-UnhashedConsumer[Parameter::/other-team/layers/tools/arn]');
    const report = JSON.parse(fs.readFileSync(path.join(result.outdir, 'validation-report.json'), 'utf-8'));
    const plugin = report.pluginReports.find((p: any) => p.pluginName === 'LayerSync');
    expect(plugin.violations.map((v: any) => [v.ruleName, v.violatingConstructs.map((c: any) => c.constructPath)])).toEqual([
      ['LayerSync-UnhashedConsumer[Parameter::/other-team/layers/tools/arn]', ['OrphanStack/OrphanFunction/Resource']],
    ]);
  });
});
