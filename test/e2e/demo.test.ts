// `npm run demo`, as a new user runs it after `npm ci`: the fix and the bug, with the real cdk CLI, and nothing left
// behind in the temporary directory.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../../scripts/cdk-cli';

test('the demo shows the fix and the bug, and removes the temporary directories it made', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-demo-test-'));
  const result = spawnSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), path.join(REPO_ROOT, 'scripts', 'demo.ts')], {
    cwd: REPO_ROOT, encoding: 'utf-8', env: { ...process.env, TMPDIR: tmp }, timeout: 300_000,
  });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('with the aspect, every consumer moved with its layer: yes');
  expect(result.stdout).toContain('without it, consumers stayed on the old layer:       yes (the bug)');
  // Node's own compile cache may stay; nothing of the demo's (cls-demo-*, cls-cdk-*) does.
  expect(fs.readdirSync(tmp).filter(entry => !entry.startsWith('v8-compile-cache'))).toEqual([]);
});
