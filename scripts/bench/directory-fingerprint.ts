// LayerFingerprint.ofDirectory against aws-cdk-lib's FileSystem.fingerprint on one generated tree of
// about 250 MB in 10,000 files (Lambda's unzipped limit). Page cache warmed first; medians of rounds.
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileSystem } from 'aws-cdk-lib';
import { LayerFingerprint } from '../../src';

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

/** aws-cdk-lib 2.276 caches file hashes by (inode, mtime, size) in ~/.cdk/cache/fingerprints: forget them. */
function clearCdkFingerprintCache(tree: string): void {
  const key = createHash('sha256').update(path.resolve(tree)).digest('hex').slice(0, 16);
  fs.rmSync(path.join(os.homedir(), '.cdk', 'cache', 'fingerprints', `${key}.json`), { force: true });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => string): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export interface DirectoryBenchResult {
  readonly ours: number;
  /** FileSystem.fingerprint with its disk cache cleared before each round: every byte hashed, as ours. */
  readonly cdkCold: number;
  /** FileSystem.fingerprint answering from its (inode, mtime, size) cache. */
  readonly cdkWarm: number;
  readonly ratioCold: number;
  readonly ratioWarm: number;
}

export function benchDirectoryFingerprint(rounds: number): DirectoryBenchResult {
  const tree = ensureTree();
  const exclude = ['.complete'];
  const files = (fs.readdirSync(tree, { recursive: true }) as string[]).filter(f => fs.statSync(path.join(tree, f)).isFile()).length;
  const bytes = (fs.readdirSync(tree, { recursive: true }) as string[]).reduce((n, f) => n + fs.statSync(path.join(tree, f)).size, 0);
  console.log(`directory fingerprint: ${files} files, ${(bytes / 1024 / 1024).toFixed(0)} MB, ${rounds} rounds each (+1 warm-up)`);
  LayerFingerprint.ofDirectory(tree, { exclude });
  FileSystem.fingerprint(tree, { exclude });
  const ours: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  for (let round = 0; round < rounds; round++) {
    ours.push(time(() => LayerFingerprint.ofDirectory(tree, { exclude })));
    clearCdkFingerprintCache(tree);
    cold.push(time(() => FileSystem.fingerprint(tree, { exclude })));
    warm.push(time(() => FileSystem.fingerprint(tree, { exclude })));
    console.log(`  round ${round + 1}: ofDirectory ${ours[round].toFixed(3)} s, FileSystem.fingerprint `
      + `${cold[round].toFixed(3)} s cold / ${warm[round].toFixed(3)} s from its cache`);
  }
  const result = {
    ours: median(ours), cdkCold: median(cold), cdkWarm: median(warm),
    ratioCold: median(ours) / median(cold), ratioWarm: median(ours) / median(warm),
  };
  console.log(`  median: ofDirectory ${result.ours.toFixed(3)} s; FileSystem.fingerprint ${result.cdkCold.toFixed(3)} s cold, `
    + `${result.cdkWarm.toFixed(3)} s from its cache`);
  console.log(`  ratio ofDirectory / FileSystem.fingerprint: ${result.ratioCold.toFixed(2)} hashing every byte (goal <= 1.00), `
    + `${result.ratioWarm.toFixed(2)} against its mtime cache`);
  return result;
}
