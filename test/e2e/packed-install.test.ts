// End to end, as a user of an older CDK meets the library: `npm pack` it, install it without flags into a fresh
// app pinned to aws-cdk-lib 2.185.0, and synthesize the main example there with the real cdk CLI; compile a strict
// TypeScript app against it without cdk-nag; then install cdk-nag 2 beside it, without flags, and run the pack.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consumers, context, copyTree, EXAMPLE_DIR, readTemplate, REPO_ROOT, runCdk, synthesizedWith } from '../../scripts/cdk-cli';

const PINNED_CDK = '2.185.0';
/** The cdk-nag 2 release the pack is proven on with the pinned aws-cdk-lib. */
const PINNED_CDK_NAG = '2.36.8';

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf-8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} in ${cwd} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * The library as `npm publish` would ship it: the release artifact `npm run package` wrote into dist/js (CI's package
 * step), when it is newer than every source file; else compiled into lib/ (what `npm run build` writes) and packed.
 */
function packLibrary(into: string): string {
  const released = releasedTarball();
  if (released) {
    fs.copyFileSync(released, path.join(into, path.basename(released)));
    return path.join(into, path.basename(released));
  }
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.jsii.json'], REPO_ROOT);
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', into], REPO_ROOT));
  return path.join(into, packed.filename);
}

/** dist/js's npm tarball, if `npm run package` made it after the last change to src/. */
function releasedTarball(): string | undefined {
  const dir = path.join(REPO_ROOT, 'dist', 'js');
  const tarball = fs.existsSync(dir) ? fs.readdirSync(dir).find(f => f.endsWith('.tgz')) : undefined;
  if (!tarball) {
    return undefined;
  }
  const newestSource = Math.max(...fs.readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter(e => e.isFile()).map(e => fs.statSync(path.join(e.parentPath, e.name)).mtimeMs));
  return fs.statSync(path.join(dir, tarball)).mtimeMs >= newestSource ? path.join(dir, tarball) : undefined;
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

  test('cdk-nag is not installed with it, and the library loads without it', () => {
    expect(fs.existsSync(path.join(appDir, 'node_modules', 'cdk-nag'))).toBe(false);
    const probe = spawnSync(process.execPath, ['-e', `
      const lib = require('cdk-layer-sync');
      new lib.LayerDependencyAspect();
      try { new lib.LayerSyncChecks(); console.log('constructed'); } catch (error) { console.log(error.message); }
    `], { cwd: appDir, encoding: 'utf-8' });
    expect(probe.stderr).toBe('');
    expect(probe.stdout).toContain('LayerSyncChecks needs cdk-nag, which is not installed');
    expect(probe.stdout).toContain('npm install --save-dev cdk-nag@^2');
  });

  test('a strict TypeScript app without cdk-nag compiles against its declarations (skipLibCheck off)', () => {
    const strictDir = path.join(appDir, 'strict');
    fs.mkdirSync(strictDir, { recursive: true });
    fs.writeFileSync(path.join(strictDir, 'app.ts'), [
      "import { App, Aspects, AspectPriority } from 'aws-cdk-lib';",
      "import { LayerDependencyAspect, LayerRegistry, LayerSyncChecks, LayerSyncChecksProps } from 'cdk-layer-sync';",
      'const app = new App();',
      'const registry = new LayerRegistry();',
      'const props: LayerSyncChecksProps = { registry, verbose: true };',
      'Aspects.of(app).add(new LayerDependencyAspect({ registry }), { priority: AspectPriority.MUTATING });',
      'export const checks = (): LayerSyncChecks => new LayerSyncChecks(app, props);',
      '',
    ].join('\n'));
    fs.writeFileSync(path.join(strictDir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'commonjs', moduleResolution: 'node', ignoreDeprecations: '6.0', strict: true,
        skipLibCheck: false, noEmit: true, types: ['node'], typeRoots: [path.join(REPO_ROOT, 'node_modules', '@types')],
      },
      files: ['app.ts'],
    }, undefined, 2));
    const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', strictDir], { cwd: strictDir, encoding: 'utf-8' });
    // Only the library's own declarations are ours to answer for: aws-cdk-lib's are checked too, and must pass as well.
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  test(`cdk-nag ${PINNED_CDK_NAG} installs beside it without flags, and npm ls accepts the tree`, () => {
    run('npm', ['install', '--save-dev', `cdk-nag@${PINNED_CDK_NAG}`], appDir);
    run('npm', ['ls'], appDir);
  });

  test(`with cdk-nag ${PINNED_CDK_NAG}, the pack is an Aspect: the example passes it, without the aspect it fails`, () => {
    const passing = runCdk(['synth', '--quiet', ...context({ nag: 'true', withOrphan: 'true' })], appDir);
    expect(passing.status).toBe(0);
    // The orphan is a warning of the pack, as cdk-nag 2 shows it: the rule with its parameter, on the function.
    expect(passing.stdout + passing.stderr).toMatch(/LayerSync-UnhashedConsumer\[Parameter::\/other-team\/layers\/tools\/arn\]/);
    expect(passing.stdout + passing.stderr).not.toContain('LayerSync-ConsumerNotFollowing');
    expect(fs.readdirSync(passing.outdir).filter(f => /^LayerSync-.*ChildStack-NagReport\.csv$/.test(f))).toHaveLength(1);

    const failing = runCdk(['synth', '--quiet', ...context({ nag: 'true', layerSync: 'off' })], appDir);
    expect(failing.status).not.toBe(0);
    expect(failing.stdout + failing.stderr).toMatch(/LayerSync-ConsumerNotFollowing.*ChildStack/s);
  });

  test(`with cdk-nag ${PINNED_CDK_NAG}, NagSuppressions silence the pack's finding on one parameter, by appliesTo`, () => {
    const suppressed = path.join(appDir, 'suppressed.ts');
    fs.writeFileSync(suppressed, [
      "import { App, Aspects, AspectPriority, Stack } from 'aws-cdk-lib';",
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      "import * as ssm from 'aws-cdk-lib/aws-ssm';",
      "import { NagSuppressions } from 'cdk-nag';",
      "import { LayerDependencyAspect, LayerSyncChecks } from 'cdk-layer-sync';",
      'const app = new App();',
      "const stack = new Stack(app, 'Orphans');",
      "for (const name of ['/other-team/layers/tools/arn', '/other-team/layers/more/arn']) {",
      '  new lambda.Function(stack, `Fn${name.split("/")[3]}`, {',
      "    runtime: lambda.Runtime.PYTHON_3_13, handler: 'index.handler', code: lambda.Code.fromInline('def handler(e, c):\\n  return 1'),",
      "    layers: [lambda.LayerVersion.fromLayerVersionArn(stack, `L${name.split('/')[3]}`, ssm.StringParameter.valueForStringParameter(stack, name))],",
      '  });',
      '}',
      'NagSuppressions.addStackSuppressions(stack, [{',
      "  id: 'LayerSync-UnhashedConsumer', reason: 'owned by the tools team', appliesTo: ['Parameter::/other-team/layers/tools/arn'],",
      '}]);',
      'Aspects.of(app).add(new LayerDependencyAspect(), { priority: AspectPriority.MUTATING });',
      'Aspects.of(app).add(new LayerSyncChecks());',
      'app.synth();',
      '',
    ].join('\n'));
    const result = runCdk(['synth', '--quiet', '--app', `node -r ${require.resolve('ts-node/register/transpile-only')} suppressed.ts`], appDir);
    const output = result.stdout + result.stderr;
    expect(result.status).toBe(0);
    expect(output).toContain('LayerSync-UnhashedConsumer[Parameter::/other-team/layers/more/arn]');
    expect(output).not.toContain('LayerSync-UnhashedConsumer[Parameter::/other-team/layers/tools/arn]');
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
