// Deploy level: the three ways a layer ARN crosses stacks without an Export, deployed with the real `cdk` CLI to the
// emulator, the layer changed, deployed again, and what each consumer's $LATEST, versions and Live alias run read
// back with the AWS SDK. Without the aspect the test shows the failure the library exists for; with it, every
// consumer moves. `cdk-layer-sync audit` reads the same account after each.
import * as path from 'path';
import { REPO_ROOT } from '../../scripts/cdk-cli';
import { runCli } from '../helpers/cli';
import {
  aliasLayers, bootstrap, cdkAgainst, changedLayerCopy, deployedFunction, deployOrder, Emulator, parameterValue, startEmulator,
} from './helpers/emulator';

const APP = path.join(__dirname, 'fixtures', 'import-forms');
const LAYER_SOURCE = path.join(REPO_ROOT, 'examples', 'cross-stack-layers', 'functions', 'src', 'lambda_layers', 'common_modules');
const FORMS = ['ParameterType', 'DynamicReference', 'WeakReference'];

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
  bootstrap(emulator, APP);
});
afterAll(async () => emulator?.stop());

function audit(stacks: string[], ...extra: string[]) {
  return runCli(['audit', ...stacks.flatMap((s) => ['--stack', s]), ...extra], REPO_ROOT, emulator.env);
}

test('without the aspect: a parameter type moves $LATEST but not the Live alias; a dynamic or weak reference moves nothing; audit fails on each stale alias', async () => {
  // An app without the aspect, and without the flag that hashes a same-app layer into the version (apps made
  // before it existed): what users of these forms get today.
  const context = ['-c', 'prefix=NoSync', '-c', 'layerSync=off', '-c', 'recognizeLayerVersion=false'];
  // No stack depends on the producer, so the producer goes first by hand (the parameter must exist).
  cdkAgainst(emulator, ['deploy', 'NoSyncCommon', ...context], APP);
  cdkAgainst(emulator, ['deploy', '--all', ...context], APP);
  const oldLayer = await parameterValue(emulator, '/NoSync/common-modules/layer-version-arn');

  const changed = changedLayerCopy(LAYER_SOURCE, 'python/common_modules/module_a.py');
  const first = deployOrder(cdkAgainst(emulator, ['deploy', '--all', ...context, '-c', `layerSourceDir=${changed}`], APP));
  const newLayer = await parameterValue(emulator, '/NoSync/common-modules/layer-version-arn');
  expect(newLayer).not.toBe(oldLayer);
  // A dynamic reference and a weak reference leave the consumer's template as it was: the CLI skips it.
  expect(first.unchanged).toEqual(expect.arrayContaining(['NoSyncDynamicReference', 'NoSyncWeakReference']));
  // The parameter-type stack is deployed every time ("some parameters come from SSM").
  expect(first.deployed).toContain('NoSyncParameterType');

  // Once more, with nothing changed: now the producer has certainly deployed before the parameter-type consumer.
  const second = deployOrder(cdkAgainst(emulator, ['deploy', '--all', ...context, '-c', `layerSourceDir=${changed}`], APP));
  expect(second.unchanged).toEqual(expect.arrayContaining(['NoSyncCommon', 'NoSyncDynamicReference', 'NoSyncWeakReference']));
  expect(second.unchanged).not.toContain('NoSyncParameterType');

  const parameterType = await deployedFunction(emulator, 'NoSyncParameterType');
  // CloudFormation re-read the parameter: $LATEST runs the new layer ...
  expect(parameterType.latest).toEqual([newLayer]);
  // ... but the Version kept its logical id: nothing was published, and Live still runs the old layer.
  expect(Object.keys(parameterType.versions)).toEqual(['1']);
  expect(aliasLayers(parameterType, 'Live')).toEqual([oldLayer]);
  for (const form of ['DynamicReference', 'WeakReference']) {
    const fn = await deployedFunction(emulator, `NoSync${form}`);
    expect({ form, latest: fn.latest, live: aliasLayers(fn, 'Live') }).toEqual({ form, latest: [oldLayer], live: [oldLayer] });
  }

  // The account as it runs: every Live alias is a version behind, and so are the $LATEST of the skipped stacks.
  const stale = audit(FORMS.map((f) => `NoSync${f}`), '--fail-on-stale', '--json');
  expect(stale.stderr).not.toContain('cdk-layer-sync audit:');
  expect(stale.status).toBe(1);
  const rows = JSON.parse(stale.stdout).rows as Array<Record<string, any>>;
  const staleRows = rows.filter((r) => r.status === 'stale').map((r) => `${r.stack}/${r.qualifier}: ${r.runsVersion} < ${r.currentVersion}`);
  const oldVersion = Number(oldLayer.split(':').pop());
  const newVersion = Number(newLayer.split(':').pop());
  expect(staleRows.sort()).toEqual([
    `NoSyncDynamicReference/$LATEST: ${oldVersion} < ${newVersion}`,
    `NoSyncDynamicReference/Live: ${oldVersion} < ${newVersion}`,
    `NoSyncParameterType/Live: ${oldVersion} < ${newVersion}`,
    `NoSyncWeakReference/$LATEST: ${oldVersion} < ${newVersion}`,
    `NoSyncWeakReference/Live: ${oldVersion} < ${newVersion}`,
  ]);
  // The table names each stale alias with both versions.
  const table = audit(['NoSyncParameterType'], '--fail-on-stale');
  expect(table.status).toBe(1);
  expect(table.stdout).toMatch(new RegExp(
    `NoSyncParameterType-Consumer\\S*\\s+Live\\s+1\\s+NoSyncCommonModulesLayer\\S*\\s+${oldVersion}\\s+${newVersion}\\s+1 behind\\s+newest in the account`));
  expect(table.stdout).toMatch(/^1 current, 1 stale$/m);
});

test('with the aspect: every form deploys after its producer, publishes a version and moves Live; audit passes', async () => {
  const context = ['-c', 'prefix=Sync'];
  const created = deployOrder(cdkAgainst(emulator, ['deploy', '--all', ...context], APP));
  expect(created.deployed[0]).toBe('SyncCommon');
  const oldLayer = await parameterValue(emulator, '/Sync/common-modules/layer-version-arn');
  const before = await Promise.all(FORMS.map((form) => deployedFunction(emulator, `Sync${form}`)));

  const changed = changedLayerCopy(LAYER_SOURCE, 'python/common_modules/module_a.py');
  const order = deployOrder(cdkAgainst(emulator, ['deploy', '--all', ...context, '-c', `layerSourceDir=${changed}`], APP));
  // The aspect made each consumer depend on the producer: `cdk deploy --all` deploys the producer first.
  expect(order.deployed[0]).toBe('SyncCommon');
  expect(order.unchanged).toEqual([]);
  const newLayer = await parameterValue(emulator, '/Sync/common-modules/layer-version-arn');
  expect(newLayer).not.toBe(oldLayer);

  for (const [i, form] of FORMS.entries()) {
    const fn = await deployedFunction(emulator, `Sync${form}`);
    expect(before[i].latest).toEqual([oldLayer]);
    expect({ form, latest: fn.latest, live: aliasLayers(fn, 'Live') }).toEqual({ form, latest: [newLayer], live: [newLayer] });
    // A new version was published for the new layer, and the old one is kept for a rollback.
    expect(Object.keys(fn.versions).sort()).toEqual(['1', '2']);
    expect(fn.aliases.Live).toBe('2');
    expect(fn.description).not.toBe(before[i].description);
  }

  const current = audit(FORMS.map((f) => `Sync${f}`), '--fail-on-stale');
  expect(current.stderr).not.toContain('cdk-layer-sync audit:');
  expect(current.status).toBe(0);
  expect(current.stdout).toContain('6 current, 0 stale');
});
