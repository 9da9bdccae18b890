// The release sweep's choice of release and its report of a failure (scripts/releases/sweep.js). `--newest` asks the
// real npm client, pointed here at a registry of our own on loopback that answers as the npm registry does.
import { spawn } from 'child_process';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';

const SWEEP = path.join(__dirname, '..', '..', 'scripts', 'releases', 'sweep.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { internalOf } = require(SWEEP) as { internalOf(testFile: string): string | undefined };

/** A registry answering `GET /aws-cdk-lib` with `packument` (or `status`), and the requests it got. */
async function stubRegistry(status: number, packument: object): Promise<{ url: string; requests: string[]; close(): void }> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(status === 200 ? JSON.stringify(packument) : '{"error":"Not found"}');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests, close: () => server.close() };
}

function runSweep(args: string[], registry: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [SWEEP, ...args], {
      env: { ...process.env, npm_config_registry: registry, npm_config_cache: path.join(require('os').tmpdir(), `cls-npm-cache-${process.pid}`) },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    child.on('close', status => resolve({ status, stdout, stderr }));
  });
}

const manifest = (version: string) => ({ name: 'aws-cdk-lib', version, dist: { tarball: `http://127.0.0.1/aws-cdk-lib-${version}.tgz`, shasum: '0'.repeat(40) } });

test('--newest sweeps the release the registry tags latest', async () => {
  const registry = await stubRegistry(200, {
    'name': 'aws-cdk-lib',
    'dist-tags': { latest: '2.299.0' },
    'versions': { '2.298.0': manifest('2.298.0'), '2.299.0': manifest('2.299.0') },
  });
  try {
    const run = await runSweep(['--newest', '--dry-run'], registry.url);
    expect(run.stdout.trim()).toBe('release sweep: would sweep aws-cdk-lib 2.299.0');
    expect(run.status).toBe(0);
    expect(registry.requests).toContain('/aws-cdk-lib');
  } finally {
    registry.close();
  }
});

test('a registry that does not answer with a release is an error naming the call and what to check', async () => {
  const registry = await stubRegistry(404, {});
  try {
    const run = await runSweep(['--newest', '--dry-run'], registry.url);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('sweep.js --newest: the npm registry did not name aws-cdk-lib\'s newest 2.x release (npm view aws-cdk-lib dist-tags.latest said:');
    expect(run.stderr).toContain('check the registry (npm config get registry)');
  } finally {
    registry.close();
  }
});

test('a failing canary is reported with the name of the CDK internal it guards', () => {
  expect(internalOf('/x/test/cdk-internals/rendered-resource.test.ts')).toBe('CfnElement._toCloudFormation()');
  expect(internalOf('/x/test/cdk-internals/synthesis-phase.test.ts'))
    .toBe('the order of synthesis phases (aspects, then validation, then every template, then the root\'s custom synthesis)');
  expect(internalOf('/x/test/cdk-internals/no-such-internal.test.ts')).toBeUndefined();
});
