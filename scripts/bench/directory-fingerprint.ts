// LayerFingerprint.ofDirectory against aws-cdk-lib's FileSystem.fingerprint on one generated tree of
// about 250 MB in 10,000 files (Lambda's unzipped limit), cold and warm, each run in a process of its own.
import { execFileSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const FILES = 10_000;
const TOTAL_BYTES = 250 * 1024 * 1024;
const TREE = path.join(os.tmpdir(), 'cdk-layer-sync-bench-tree-v1');

/** Generate the tree once (kept in the temp directory between runs). */
function ensureTree(): string {
  const marker = path.join(TREE, '.complete');
  if (fs.existsSync(marker)) {
    return TREE;
  }
  fs.rmSync(TREE, { recursive: true, force: true });
  const average = TOTAL_BYTES / FILES;
  for (let i = 0; i < FILES; i++) {
    const dir = path.join(TREE, 'python', `pkg${Math.floor(i / 100)}`);
    fs.mkdirSync(dir, { recursive: true });
    // Sizes from 0.2x to 1.8x the average, deterministic by index.
    const size = Math.round(average * (0.2 + 1.6 * ((i * 7919) % 1000) / 1000));
    fs.writeFileSync(path.join(dir, `module${i % 100}.bin`), randomBytes(size));
  }
  fs.writeFileSync(marker, '');
  return TREE;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const WORKER = path.join(__dirname, 'fingerprint-worker.ts');
type Mode = 'ours-cold' | 'ours-warm' | 'cdk-cold' | 'cdk-warm';

/** One fingerprint in a fresh Node.js process; our cache in a directory of the bench's own. */
function measure(tree: string, mode: Mode, cacheDir: string): number {
  const output = execFileSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), WORKER, tree, mode],
    { encoding: 'utf-8', env: { ...process.env, CDK_LAYER_SYNC_CACHE_DIR: cacheDir } });
  return (JSON.parse(output.trim().split('\n').pop()!) as { seconds: number }).seconds;
}

export interface DirectoryBenchResult {
  /** ofDirectory with an empty cache: every byte hashed, the cache written. */
  readonly oursCold: number;
  /** ofDirectory answering from its cache. */
  readonly oursWarm: number;
  /** FileSystem.fingerprint with its disk cache cleared: every byte hashed. */
  readonly cdkCold: number;
  /** FileSystem.fingerprint answering from its (inode, mtime, size) cache. */
  readonly cdkWarm: number;
  readonly ratioCold: number;
  readonly ratioWarm: number;
}

/**
 * Cold and warm, ours and CDK's, each run in a fresh process, alternating within every round so that machine
 * noise falls on all four alike; medians over the rounds.
 */
export function benchDirectoryFingerprint(rounds: number): DirectoryBenchResult {
  const tree = ensureTree();
  const files = (fs.readdirSync(tree, { recursive: true }) as string[]).filter(f => fs.statSync(path.join(tree, f)).isFile()).length;
  const bytes = (fs.readdirSync(tree, { recursive: true }) as string[]).reduce((n, f) => n + fs.statSync(path.join(tree, f)).size, 0);
  console.log(`directory fingerprint: ${files} files, ${(bytes / 1024 / 1024).toFixed(0)} MB, ${rounds} rounds, one process per run`);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-bench-cache-'));
  // Warm-up: page cache, and both caches filled.
  measure(tree, 'ours-cold', cacheDir);
  measure(tree, 'cdk-cold', cacheDir);
  const times: Record<Mode, number[]> = { 'ours-cold': [], 'cdk-cold': [], 'ours-warm': [], 'cdk-warm': [] };
  for (let round = 0; round < rounds; round++) {
    for (const mode of ['ours-cold', 'cdk-cold', 'ours-warm', 'cdk-warm'] as Mode[]) {
      times[mode].push(measure(tree, mode, cacheDir));
    }
    console.log(`  round ${round + 1}: cold ofDirectory ${times['ours-cold'][round].toFixed(3)} s / FileSystem.fingerprint `
      + `${times['cdk-cold'][round].toFixed(3)} s; warm ${times['ours-warm'][round].toFixed(3)} s / ${times['cdk-warm'][round].toFixed(3)} s`);
  }
  const result = {
    oursCold: median(times['ours-cold']), oursWarm: median(times['ours-warm']),
    cdkCold: median(times['cdk-cold']), cdkWarm: median(times['cdk-warm']),
    ratioCold: median(times['ours-cold']) / median(times['cdk-cold']),
    ratioWarm: median(times['ours-warm']) / median(times['cdk-warm']),
  };
  console.log(`  median cold: ofDirectory ${result.oursCold.toFixed(3)} s, FileSystem.fingerprint ${result.cdkCold.toFixed(3)} s: `
    + `ratio ${result.ratioCold.toFixed(2)} (goal <= 0.80)`);
  console.log(`  median warm: ofDirectory ${result.oursWarm.toFixed(3)} s, FileSystem.fingerprint ${result.cdkWarm.toFixed(3)} s: `
    + `ratio ${result.ratioWarm.toFixed(2)} (goal <= 1.00)`);
  return result;
}
