import { spawnSync } from 'child_process';
import * as path from 'path';

const ENTRY = path.join(__dirname, '..', '..', 'src', 'cli', 'cdk-layer-sync.ts');

/** Run the `cdk-layer-sync` command as a real process (from source, through ts-node). */
export function runCli(
  args: string[], cwd = process.cwd(), env: Record<string, string> = {},
): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), ENTRY, ...args], {
    cwd, encoding: 'utf-8', env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '..', '..', 'tsconfig.json'), ...env },
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}
