// End to end in Java, as a Java team runs it: examples/java compiles with Maven against aws-cdk-lib from Maven
// Central and the library's Java artifact (`npm run package` writes dist/java; built here with jsii-pacmak when
// absent), and the real `cdk synth` runs it (`mvn compile exec:java`) twice, with a layer change between.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consumers, context, copyTree, documentedLayerFingerprint, EXAMPLE_DIR, readTemplate, REPO_ROOT, runCdk } from '../../scripts/cdk-cli';

const JAVA_EXAMPLE = path.join(REPO_ROOT, 'examples', 'java');
const JAVA_ARTIFACT = path.join(REPO_ROOT, 'dist', 'java', 'io', 'github', 'cdk-layer-sync', 'cdk-layer-sync');
const LAYER_SOURCE = path.join(EXAMPLE_DIR, 'functions', 'src', 'lambda_layers', 'common_modules');

/** The library's Java artifact, from the jsii build in lib/ and .jsii (`npm run build`): made again when older. */
function ensureJavaArtifact(): void {
  const version: string = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf-8')).version;
  const jar = path.join(JAVA_ARTIFACT, version, `cdk-layer-sync-${version}.jar`);
  const assembly = path.join(REPO_ROOT, '.jsii');
  if (fs.existsSync(jar) && (!fs.existsSync(assembly) || fs.statSync(jar).mtimeMs >= fs.statSync(assembly).mtimeMs)) {
    return;
  }
  const pacmak = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'jsii-pacmak', 'bin', 'jsii-pacmak'),
    '--targets', 'java', '--outdir', 'dist'], { cwd: REPO_ROOT, encoding: 'utf-8', timeout: 600_000 });
  if (pacmak.status !== 0) {
    throw new Error(`jsii-pacmak --targets java failed (run npm run build first):\n${pacmak.stderr}`);
  }
}

describe('examples/java: the real cdk synth of a Java app, twice with a layer change between', () => {
  let before: string;
  let after: string;
  let afterStderr: string;
  beforeAll(() => {
    ensureJavaArtifact();
    const layerDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-java-')), 'common_modules');
    copyTree(LAYER_SOURCE, layerDir);
    const synth = (withOrphan: boolean) => {
      const run = runCdk(['synth', '--quiet', ...context({ layerDir, withOrphan: String(withOrphan) })], JAVA_EXAMPLE);
      if (run.status !== 0) {
        throw new Error(`cdk synth of examples/java failed:\n${run.stderr.slice(-4000)}`);
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

  test('the report of a Java app lists its consumers: followed, and the one it cannot follow', () => {
    const report = JSON.parse(fs.readFileSync(path.join(after, 'layer-dependencies.json'), 'utf-8'));
    expect(report.consumers.map((c: any) => [c.function, c.layers.map((l: any) => l.status)])).toEqual([
      ['ChildStack/ChildHogeLambdaFunction', ['tracked']],
      ['ChildStack/ChildHugaLambdaFunction', ['tracked']],
      ['OrphanStack/OrphanFunction', ['unhashed']],
    ]);
  });

  test('a Java app reads the fix line of a warning in Java (jsii tells the library which language drives it)', () => {
    expect(afterStderr).toContain('function OrphanStack/OrphanFunction imports its layer from SSM parameter \'/other-team/layers/tools/arn\'');
    expect(afterStderr).toContain('Annotations.of(scope).acknowledgeWarning("cdk-layer-sync:UnhashedConsumer", reason)');
    expect(afterStderr).not.toContain('acknowledgeWarning(\'cdk-layer-sync:UnhashedConsumer\'');
  });
});
