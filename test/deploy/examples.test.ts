// Deploy level: the examples a user copies, deployed with the real `cdk` CLI to the emulator as their READMEs say,
// the layer changed, deployed again: every consumer's $LATEST, a new version and its Live alias run the new layer.
// Then `cdk-layer-sync audit --assembly cdk.out` reads the account through the app's own report.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_DIR, REPO_ROOT } from '../../scripts/cdk-cli';
import { runCli } from '../helpers/cli';
import {
  aliasLayers, bootstrap, cdkAgainst, changedLayerCopy, deployedFunctions, deployOrder, Emulator, parameterValue, startEmulator,
} from './helpers/emulator';

const MULTI_APP = path.join(REPO_ROOT, 'examples', 'multi-app');
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
  bootstrap(emulator, EXAMPLE_DIR);
});
afterAll(async () => emulator?.stop());

test('examples/cross-stack-layers: `cdk deploy --all` deploys CommonStack first, and both functions and their Live aliases move to the new layer', async () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-example-'));
  cdkAgainst(emulator, ['deploy', '--all'], EXAMPLE_DIR, outdir);
  const oldLayer = await parameterValue(emulator, 'CommonModulesLayerVersionArn');
  const before = await deployedFunctions(emulator, 'ChildStack');
  expect(before.map((fn) => aliasLayers(fn, 'Live'))).toEqual([[oldLayer], [oldLayer]]);

  const changed = changedLayerCopy(path.join(EXAMPLE_DIR, 'functions', 'src', 'lambda_layers', 'common_modules'), 'python/common_modules/module_b.py');
  const order = deployOrder(cdkAgainst(emulator, ['deploy', '--all', '-c', `layerSourceDir=${changed}`], EXAMPLE_DIR, outdir));
  expect(order.deployed).toEqual(['CommonStack', 'ChildStack']);
  const newLayer = await parameterValue(emulator, 'CommonModulesLayerVersionArn');
  expect(newLayer).not.toBe(oldLayer);
  const after = await deployedFunctions(emulator, 'ChildStack');
  expect(after).toHaveLength(2);
  for (const fn of after) {
    expect({ name: fn.name, latest: fn.latest, live: aliasLayers(fn, 'Live'), versions: Object.keys(fn.versions).sort() })
      .toEqual({ name: fn.name, latest: [newLayer], live: [newLayer], versions: ['1', '2'] });
  }

  // The app's report names the SSM parameter each consumer reads: audit takes the current version from it.
  const run = runCli(['audit', '--assembly', outdir, '--fail-on-stale'], REPO_ROOT, emulator.env);
  expect(run.stderr).not.toContain('cdk-layer-sync audit:');
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^ChildStack-ChildHogeLambda\S*\s+Live\s+2\s+\S+\s+2\s+2\s+current\s+parameter CommonModulesLayerVersionArn$/m);
  expect(run.stdout).toMatch(/^4 current, 0 stale$/m);
});

test('examples/multi-app: the layer app, then the service app reading the lock file the layer app wrote, move the service function and its alias', async () => {
  const lock = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-multi-deploy-')), 'layers.lock.json');
  const layerApp = path.join(MULTI_APP, 'layer-app');
  const serviceApp = path.join(MULTI_APP, 'service-app');
  // The README's CI order: 1. the layer app (refreshes the lock file), 2. the service app.
  cdkAgainst(emulator, ['deploy', '--all', '-c', `registryOutput=${lock}`], layerApp);
  cdkAgainst(emulator, ['deploy', '--all', '-c', `registryFile=${lock}`], serviceApp);
  const oldLayer = await parameterValue(emulator, '/platform/layers/tools/arn');

  const changed = changedLayerCopy(path.join(layerApp, 'layers', 'tools'), 'python/tools/text.py');
  cdkAgainst(emulator, ['deploy', '--all', '-c', `registryOutput=${lock}`, '-c', `layerSourceDir=${changed}`], layerApp);
  const service = deployOrder(cdkAgainst(emulator, ['deploy', '--all', '-c', `registryFile=${lock}`], serviceApp));
  expect(service.deployed).toEqual(['OrdersService']);
  const newLayer = await parameterValue(emulator, '/platform/layers/tools/arn');
  expect(newLayer).not.toBe(oldLayer);
  const [fn] = await deployedFunctions(emulator, 'OrdersService');
  expect({ latest: fn.latest, live: aliasLayers(fn, 'Live') }).toEqual({ latest: [newLayer], live: [newLayer] });
  expect(Object.keys(fn.versions).sort()).toEqual(['1', '2']);

  // The service app's lock file is a source of current versions too.
  const run = runCli(['audit', '--stack', 'OrdersService', '--lock', lock, '--fail-on-stale'], REPO_ROOT, emulator.env);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(`lock file ${lock} (/platform/layers/tools/arn)`);
});
