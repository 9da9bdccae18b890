// End to end: examples/multi-app, the real `cdk` CLI on two apps sharing a committed lock file.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consumers, context, readTemplate, REPO_ROOT, runCdk } from '../../scripts/cdk-cli';
import { runCli } from '../helpers/cli';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'multi-app');
const COMMITTED_LOCK = path.join(EXAMPLE, 'layers.lock.json');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cls-multi-'));

describe('examples/multi-app', () => {
  test('synthesizing the layer app reproduces the committed lock file byte for byte', () => {
    const lock = path.join(tmp(), 'layers.lock.json');
    const result = runCdk(['synth', '--quiet', ...context({ registryOutput: lock })], path.join(EXAMPLE, 'layer-app'));
    expect(result.status).toBe(0);
    expect(fs.readFileSync(lock, 'utf-8')).toBe(fs.readFileSync(COMMITTED_LOCK, 'utf-8'));
  });

  test('the service app carries the committed fingerprint, and check passes', () => {
    const committed = JSON.parse(fs.readFileSync(COMMITTED_LOCK, 'utf-8')).layers[0].fingerprint as string;
    const result = runCdk(['synth', '--quiet'], path.join(EXAMPLE, 'service-app'));
    expect(result.status).toBe(0);
    const [fn] = consumers(readTemplate(result.outdir, 'OrdersService'));
    expect(fn.description).toBe(`Orders API [layer-sync ${committed.slice(0, 12)}]`);
    expect(runCli(['check', result.outdir]).status).toBe(0);
  });

  test('a new layer in the lock file moves the service function\'s version and alias', () => {
    const lock = JSON.parse(fs.readFileSync(COMMITTED_LOCK, 'utf-8'));
    lock.layers[0].fingerprint = 'f'.repeat(64);
    const changed = path.join(tmp(), 'layers.lock.json');
    fs.writeFileSync(changed, JSON.stringify(lock));
    const before = consumers(readTemplate(runCdk(['synth', '--quiet'], path.join(EXAMPLE, 'service-app')).outdir, 'OrdersService'))[0];
    const run = runCdk(['synth', '--quiet', ...context({ registryFile: changed })], path.join(EXAMPLE, 'service-app'));
    const after = consumers(readTemplate(run.outdir, 'OrdersService'))[0];
    expect(after.marker).toBe('ffffffffffff');
    expect(after.versionId).not.toBe(before.versionId);
    expect(after.aliasTarget).toBe(after.versionId);
  });

  test('a lock file without the layer leaves the service unhashed: synth warns and check exits 1', () => {
    const empty = path.join(tmp(), 'layers.lock.json');
    fs.writeFileSync(empty, JSON.stringify({ version: 1, layers: [] }));
    const run = runCdk(['synth', '--quiet', ...context({ registryFile: empty })], path.join(EXAMPLE, 'service-app'));
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toContain("Acknowledge with 'Annotation::cdk-layer-sync:UnhashedConsumer'");
    const check = runCli(['check', run.outdir]);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/OrdersService\s+OrdersService\/OrdersFunction\s+.*unhashed/);
  });
});
