// End to end in Go, as a Go team runs it: examples/go builds with the Go toolchain against aws-cdk-go from the Go
// proxy and the library's Go module (`npm run package` writes dist/go; made here with jsii-pacmak when absent or
// older than the jsii build), and the real `cdk synth` runs it (`go run .`) twice, with a layer change between.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consumers, context, copyTree, documentedLayerFingerprint, EXAMPLE_DIR, readTemplate, REPO_ROOT, runCdk } from '../../scripts/cdk-cli';

const GO_EXAMPLE = path.join(REPO_ROOT, 'examples', 'go');
const GO_MODULE = path.join(REPO_ROOT, 'dist', 'go', 'cdklayersync');
const LAYER_SOURCE = path.join(EXAMPLE_DIR, 'functions', 'src', 'lambda_layers', 'common_modules');

/** The library's Go module, from the jsii build in lib/ and .jsii (`npm run build`): made again when older. */
function ensureGoModule(): void {
  const made = path.join(GO_MODULE, 'go.mod');
  const assembly = path.join(REPO_ROOT, '.jsii');
  if (fs.existsSync(made) && (!fs.existsSync(assembly) || fs.statSync(made).mtimeMs >= fs.statSync(assembly).mtimeMs)) {
    return;
  }
  const pacmak = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'jsii-pacmak', 'bin', 'jsii-pacmak'),
    '--targets', 'go', '--outdir', 'dist'], { cwd: REPO_ROOT, encoding: 'utf-8', timeout: 600_000 });
  if (pacmak.status !== 0) {
    throw new Error(`jsii-pacmak --targets go failed (run npm run build first):\n${pacmak.stderr}`);
  }
}

describe('examples/go: the real cdk synth of a Go app, twice with a layer change between', () => {
  let before: string;
  let after: string;
  let afterStderr: string;
  beforeAll(() => {
    ensureGoModule();
    const layerDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-go-')), 'common_modules');
    copyTree(LAYER_SOURCE, layerDir);
    const synth = (withOrphan: boolean) => {
      const run = runCdk(['synth', '--quiet', ...context({ layerDir, withOrphan: String(withOrphan) })], GO_EXAMPLE);
      if (run.status !== 0) {
        throw new Error(`cdk synth of examples/go failed:\n${run.stderr.slice(-4000)}`);
      }
      return run;
    };
    before = synth(false).outdir;
    fs.appendFileSync(path.join(layerDir, 'python', 'common_modules', 'module_b.py'), '\nTRIPLE = 3\n');
    // The second synthesis also has a function of a layer nobody in the app publishes: its warning is shown.
    const second = synth(true);
    after = second.outdir;
    afterStderr = second.stderr;
  }, 900_000);

  test('each ChildStack function carries the fingerprint of CommonStack\'s layer in its description', () => {
    const fingerprint = documentedLayerFingerprint(readTemplate(before, 'CommonStack'));
    expect(consumers(readTemplate(before, 'ChildStack')).map(c => c.description).sort()).toEqual([
      `ChildHogeLambda of the sample service [layer-sync ${fingerprint}]`,
      `ChildHugaLambda of the sample service [layer-sync ${fingerprint}]`,
    ]);
  });

  test('after the layer change, both consumers, their versions and their Live aliases move to the new layer', () => {
    const newFingerprint = documentedLayerFingerprint(readTemplate(after, 'CommonStack'));
    expect(newFingerprint).not.toBe(documentedLayerFingerprint(readTemplate(before, 'CommonStack')));
    const was = consumers(readTemplate(before, 'ChildStack'));
    const now = consumers(readTemplate(after, 'ChildStack'));
    expect(now.map(c => c.marker)).toEqual([newFingerprint, newFingerprint]);
    for (const [i, consumer] of now.entries()) {
      expect(consumer.versionId).not.toBe(was[i].versionId);
      expect(consumer.aliasTarget).toBe(consumer.versionId);
    }
  });

  test('the report of a Go app lists its consumers: followed, and the one it cannot follow', () => {
    const report = JSON.parse(fs.readFileSync(path.join(after, 'layer-dependencies.json'), 'utf-8'));
    expect(report.consumers.map((c: any) => [c.function, c.layers.map((l: any) => l.status)])).toEqual([
      ['ChildStack/ChildHogeLambdaFunction', ['tracked']],
      ['ChildStack/ChildHugaLambdaFunction', ['tracked']],
      ['OrphanStack/OrphanFunction', ['unhashed']],
    ]);
  });

  test('a Go app reads the fix line of a warning in Go (jsii tells the library which language drives it)', () => {
    expect(afterStderr).toContain('function OrphanStack/OrphanFunction imports its layer from SSM parameter \'/other-team/layers/tools/arn\'');
    expect(afterStderr).toContain('awscdk.Annotations_Of(scope).AcknowledgeWarning(jsii.String("cdk-layer-sync:UnhashedConsumer"), reason)');
    expect(afterStderr).not.toContain('acknowledgeWarning(');
  });
});
