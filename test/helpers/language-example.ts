// The main example in another language (examples/java, examples/go), as a team of that language runs it: the
// library's artifact for that language (made with jsii-pacmak from the jsii build when absent or older), and the
// real `cdk synth` of the app twice, with a layer change between.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consumers, context, copyTree, documentedLayerFingerprint, EXAMPLE_DIR, readTemplate, REPO_ROOT, runCdk } from '../../scripts/cdk-cli';

const LAYER_SOURCE = path.join(EXAMPLE_DIR, 'functions', 'src', 'lambda_layers', 'common_modules');

export interface LanguageExample {
  /** As jsii-pacmak names the target: `java`, `go`. */
  readonly target: string;
  /** The app's folder. */
  readonly directory: string;
  /** A file of the artifact `npm run package` writes, to tell whether it is older than the jsii build. */
  readonly artifact: string;
  /** The acknowledgement line of a warning, as the library writes it in this language. */
  readonly acknowledgeLine: string;
}

/** The library's artifact for the language, from the jsii build in lib/ and .jsii (`npm run build`): made again when older. */
function ensureArtifact(example: LanguageExample): void {
  const assembly = path.join(REPO_ROOT, '.jsii');
  if (fs.existsSync(example.artifact) && (!fs.existsSync(assembly) || fs.statSync(example.artifact).mtimeMs >= fs.statSync(assembly).mtimeMs)) {
    return;
  }
  const pacmak = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'jsii-pacmak', 'bin', 'jsii-pacmak'),
    '--targets', example.target, '--outdir', 'dist'], { cwd: REPO_ROOT, encoding: 'utf-8', timeout: 600_000 });
  if (pacmak.status !== 0) {
    throw new Error(`jsii-pacmak --targets ${example.target} failed (run npm run build first):\n${pacmak.stderr}`);
  }
}

/** The tests every language's example passes: the fingerprints, the move of versions and aliases, the report, the fix line. */
export function describeLanguageExample(title: string, example: LanguageExample): void {
  describe(title, () => {
    let before: string;
    let after: string;
    let afterStderr: string;
    beforeAll(() => {
      ensureArtifact(example);
      const layerDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `cls-${example.target}-`)), 'common_modules');
      copyTree(LAYER_SOURCE, layerDir);
      const synth = (withOrphan: boolean) => {
        const run = runCdk(['synth', '--quiet', ...context({ layerDir, withOrphan: String(withOrphan) })], example.directory);
        if (run.status !== 0) {
          throw new Error(`cdk synth of ${path.relative(REPO_ROOT, example.directory)} failed:\n${run.stderr.slice(-4000)}`);
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

    test('the report lists its consumers: followed, and the one it cannot follow', () => {
      const report = JSON.parse(fs.readFileSync(path.join(after, 'layer-dependencies.json'), 'utf-8'));
      expect(report.consumers.map((c: any) => [c.function, c.layers.map((l: any) => l.status)])).toEqual([
        ['ChildStack/ChildHogeLambdaFunction', ['tracked']],
        ['ChildStack/ChildHugaLambdaFunction', ['tracked']],
        ['OrphanStack/OrphanFunction', ['unhashed']],
      ]);
    });

    test(`the fix line of a warning is in ${example.target} (jsii tells the library which language drives it)`, () => {
      expect(afterStderr).toContain('function OrphanStack/OrphanFunction imports its layer from SSM parameter \'/other-team/layers/tools/arn\'');
      expect(afterStderr).toContain(example.acknowledgeLine);
      expect(afterStderr).not.toContain('acknowledgeWarning(\'cdk-layer-sync:UnhashedConsumer\'');
    });
  });
}
