// Several processes writing one lock file at once: `registry add` (the CLI) and LayerRegistry.writeFile (apps), real
// processes started together, 20 rounds each. No entry may be lost and the file must always be valid.
// The lock does not depend on aws-cdk-lib, so this runs on the newest release only.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readRegistryFile, writeRegistryFile } from '../../src/registry/registry-file';
import { layerSource } from '../helpers/apps';
import { describeWhen, IS_FLOOR } from '../helpers/cdk-version';

const REPO = path.join(__dirname, '..', '..');
const CLI = path.join(REPO, 'src', 'cli', 'cdk-layer-sync.ts');
const WRITER = path.join(__dirname, 'fixtures', 'lock-writer.ts');
const ROUNDS = 20;

function run(script: string, args: string[]): Promise<{ status: number; output: string }> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), script, ...args], {
      cwd: REPO, env: { ...process.env, TS_NODE_PROJECT: path.join(REPO, 'tsconfig.json') },
    });
    let output = '';
    child.stdout.on('data', d => (output += d));
    child.stderr.on('data', d => (output += d));
    child.on('close', status => resolve({ status: status ?? 1, output }));
  });
}

/** One round: `writers` processes (CLI and writeFile, alternating) write their own entry into one file at once. */
async function round(index: number, writers: number, layerDir: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-concurrent-'));
  const file = path.join(dir, 'layers.lock.json');
  const seeded = index % 2 === 1;
  if (seeded) {
    writeRegistryFile(file, [{ parameterName: '/seed/layer', fingerprint: 'seed-fingerprint' }]);
  }
  const expected = seeded ? ['/seed/layer'] : [];
  const processes = [];
  for (let w = 0; w < writers; w++) {
    const parameter = `/writer${w}/layer`;
    expected.push(parameter);
    processes.push(w % 2 === 0
      ? run(CLI, ['registry', 'add', file, '--parameter', parameter, '--dir', layerDir])
      : run(WRITER, [file, parameter, `fingerprint-${w}`]));
  }
  const results = await Promise.all(processes);
  const entries = readRegistryFile(file).map(e => e.parameterName).sort();
  const leftovers = fs.readdirSync(dir).filter(f => f !== 'layers.lock.json');
  fs.rmSync(dir, { recursive: true, force: true });
  return { statuses: results.map(r => r.status), outputs: results.map(r => r.output), entries, expected: expected.sort(), leftovers };
}

describeWhen(!IS_FLOOR)('concurrent writers of one lock file', () => {
  const layerDir = layerSource();

  test.each([2, 4])(`%i writers, ${ROUNDS} rounds: every process succeeds, no entry is lost, nothing is left beside the file`, async writers => {
    for (let index = 0; index < ROUNDS; index++) {
      const result = await round(index, writers, layerDir);
      expect({ round: index, ...result, outputs: undefined }).toEqual({
        round: index, statuses: Array(writers).fill(0), entries: result.expected, expected: result.expected, leftovers: [], outputs: undefined,
      });
    }
  }, 300_000);
});
