// End to end, as a user of an older CDK meets the library: `npm pack` it, install it without flags into a fresh
// app pinned to aws-cdk-lib 2.185.0, and synthesize the main example there with the real cdk CLI.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consumers, context, copyTree, EXAMPLE_DIR, readTemplate, REPO_ROOT, runCdk, synthesizedWith } from '../../scripts/cdk-cli';

const PINNED_CDK = '2.185.0';

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf-8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} in ${cwd} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** The library as `npm publish` would ship it: compiled into lib/ (what `npm run build` writes), then packed. */
function packLibrary(into: string): string {
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.jsii.json'], REPO_ROOT);
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', into], REPO_ROOT));
  return path.join(into, packed.filename);
}

/** A fresh app pinned to an older CDK, with the main example's code importing the installed package. */
function userApp(tarball: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-user-app-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'user-app', version: '1.0.0', private: true,
    dependencies: { 'aws-cdk-lib': PINNED_CDK, 'constructs': '^10.0.0', 'cdk-layer-sync': `file:${tarball}` },
  }, undefined, 2));
  for (const part of ['app.ts', 'lib', 'functions']) {
    copyTree(path.join(EXAMPLE_DIR, part), path.join(dir, part));
  }
  const app = path.join(dir, 'app.ts');
  fs.writeFileSync(app, fs.readFileSync(app, 'utf-8').replace("from '../../src'", "from 'cdk-layer-sync'"));
  // As `cdk init app --language typescript` sets it up, for the TypeScript this repository compiles with.
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'commonjs', moduleResolution: 'node', ignoreDeprecations: '6.0', rootDir: '.', strict: true, skipLibCheck: true,
    },
  }, undefined, 2));
  const cdkJson = JSON.parse(fs.readFileSync(path.join(EXAMPLE_DIR, 'cdk.json'), 'utf-8'));
  cdkJson.app = `node -r ${require.resolve('ts-node/register/transpile-only')} app.ts`;
  fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify(cdkJson, undefined, 2));
  return dir;
}

describe(`the packed library in an app pinned to aws-cdk-lib ${PINNED_CDK}`, () => {
  const tarball = packLibrary(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-pack-')));
  const appDir = userApp(tarball);

  test('npm install succeeds without --legacy-peer-deps or --force', () => {
    run('npm', ['install'], appDir);
    expect(JSON.parse(fs.readFileSync(path.join(appDir, 'node_modules', 'aws-cdk-lib', 'package.json'), 'utf-8')).version).toBe(PINNED_CDK);
    expect(fs.existsSync(path.join(appDir, 'node_modules', 'cdk-layer-sync', 'lib', 'index.js'))).toBe(true);
  });

  test('cdk-nag, an optional peer dependency, is not installed, and the library loads without it', () => {
    expect(fs.existsSync(path.join(appDir, 'node_modules', 'cdk-nag'))).toBe(false);
    const probe = spawnSync(process.execPath, ['-e', `
      const lib = require('cdk-layer-sync');
      new lib.LayerDependencyAspect();
      try { new lib.LayerSyncChecks(); console.log('constructed'); } catch (error) { console.log(error.message); }
    `], { cwd: appDir, encoding: 'utf-8' });
    expect(probe.stderr).toBe('');
    expect(probe.stdout).toContain('LayerSyncChecks needs cdk-nag 3');
    expect(probe.stdout).toContain('npm install --save-dev cdk-nag@^3');
  });

  test('the example\'s two consumers move with their layer there', () => {
    const layerDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-user-layer-')), 'common_modules');
    copyTree(path.join(appDir, 'functions', 'src', 'lambda_layers', 'common_modules'), layerDir);
    const synth = () => {
      const result = runCdk(['synth', '--quiet', ...context({ layerSourceDir: layerDir })], appDir);
      expect(result.stderr).not.toContain('cdk-layer-sync:');
      expect(result.status).toBe(0);
      return result.outdir;
    };
    const before = synth();
    fs.appendFileSync(path.join(layerDir, 'python', 'common_modules', 'module_b.py'), '\nTRIPLE = 3\n');
    const after = synth();

    expect(synthesizedWith(after)).toBe(PINNED_CDK);
    const old = consumers(readTemplate(before, 'ChildStack'));
    const now = consumers(readTemplate(after, 'ChildStack'));
    expect(now).toHaveLength(2);
    for (const view of now) {
      const previous = old.find(o => o.functionId === view.functionId)!;
      expect(view.marker).toMatch(/^[0-9a-f]{12}$/);
      expect(view.marker).not.toBe(previous.marker);
      expect(view.versionId).not.toBe(previous.versionId);
      expect(view.aliasTarget).toBe(view.versionId);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(after, 'manifest.json'), 'utf-8'));
    expect(manifest.artifacts.ChildStack.dependencies).toContain('CommonStack');
  });
});
