// LayerFingerprint.ofDirectory with its persistent cache, on real trees and a real cache directory. The trees
// are aged past the racy window first, so that a cache entry is trusted and only the recorded device, inode,
// size, mtime and ctime can tell a change: exactly where aws-cdk-lib's (inode, mtime, size) cache goes stale.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LayerFingerprint } from '../../src';
import { RACY_WINDOW_MS } from '../../src/fingerprint/fingerprint-cache';
import { runCli } from '../helpers/cli';

const ZIP_EPOCH = new Date('1980-01-01T00:00:00Z');
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** A layer tree as unzip or tar leave it: fixed modification times. */
function extractedTree(version = '1.2.3'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-extracted-'));
  fs.mkdirSync(path.join(dir, 'python'));
  fs.writeFileSync(path.join(dir, 'python', 'tools.py'), `VERSION = "${version}"\n`);
  fs.writeFileSync(path.join(dir, 'python', 'helpers.py'), 'def money(c):\n    return c / 100\n');
  pinTimes(dir);
  return dir;
}

function pinTimes(dir: string): void {
  for (const file of ['python/tools.py', 'python/helpers.py']) {
    const absolute = path.join(dir, file);
    if (fs.existsSync(absolute)) {
      fs.utimesSync(absolute, ZIP_EPOCH, ZIP_EPOCH);
    }
  }
}

const edits: Record<string, (dir: string) => void> = {
  'a same-size edit with its mtime restored, in place': dir => {
    fs.writeFileSync(path.join(dir, 'python', 'tools.py'), 'VERSION = "1.2.4"\n');
    pinTimes(dir);
  },
  'the tree deleted and extracted again with the same times': dir => {
    fs.rmSync(path.join(dir, 'python'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'python'));
    fs.writeFileSync(path.join(dir, 'python', 'tools.py'), 'VERSION = "1.2.4"\n');
    fs.writeFileSync(path.join(dir, 'python', 'helpers.py'), 'def money(c):\n    return c / 100\n');
    pinTimes(dir);
  },
  'a chmod only': dir => fs.chmodSync(path.join(dir, 'python', 'tools.py'), 0o755),
  'a rename': dir => fs.renameSync(path.join(dir, 'python', 'helpers.py'), path.join(dir, 'python', 'helper.py')),
  'a file replaced by a symbolic link': dir => {
    fs.rmSync(path.join(dir, 'python', 'helpers.py'));
    fs.symlinkSync('tools.py', path.join(dir, 'python', 'helpers.py'));
  },
};

describe('GIVEN a cached fingerprint of a tree, WHEN the tree changes in a way (inode, mtime, size) cannot see', () => {
  const trees: Record<string, { dir: string; before: string }> = {};
  let cliDir = '';
  let cliBefore = '';

  beforeAll(() => {
    process.env.CDK_LAYER_SYNC_CACHE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-cache-'));
    for (const name of Object.keys(edits)) {
      trees[name] = { dir: extractedTree(), before: '' };
    }
    cliDir = extractedTree();
    sleep(RACY_WINDOW_MS + 200);
    for (const tree of Object.values(trees)) {
      tree.before = LayerFingerprint.ofDirectory(tree.dir);
      // Cached, and trusted: the second call answers from the cache.
      expect(LayerFingerprint.ofDirectory(tree.dir)).toBe(tree.before);
    }
    cliBefore = runCli(['fingerprint', cliDir]).stdout.trim();
    for (const [name, edit] of Object.entries(edits)) {
      edit(trees[name].dir);
    }
    edits['a same-size edit with its mtime restored, in place'](cliDir);
    // Past the racy window again: only the recorded fields can tell the change now.
    sleep(RACY_WINDOW_MS + 200);
  });

  test.each(Object.keys(edits))('%s changes the fingerprint, to what hashing every byte gives', name => {
    const { dir, before } = trees[name];
    const after = LayerFingerprint.ofDirectory(dir);
    expect(after).not.toBe(before);
    expect(after).toBe(LayerFingerprint.ofDirectory(dir, { cache: false }));
  });

  test('across processes (the CLI, cache on): the same-size edit with its mtime restored is seen', () => {
    const after = runCli(['fingerprint', cliDir]);
    expect(after.status).toBe(0);
    expect(cliBefore).toMatch(/^[0-9a-f]{64}$/);
    expect(after.stdout.trim()).not.toBe(cliBefore);
    expect(runCli(['fingerprint', cliDir, '--no-cache']).stdout.trim()).toBe(after.stdout.trim());
  });
});

describe('GIVEN a cache that is broken', () => {
  let dir: string;
  let expected: string;
  beforeEach(() => {
    process.env.CDK_LAYER_SYNC_CACHE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-cache-'));
    dir = extractedTree('9.9.9');
    expected = LayerFingerprint.ofDirectory(dir, { cache: false });
  });

  function cacheFiles(): string[] {
    const cacheDir = process.env.CDK_LAYER_SYNC_CACHE_DIR!;
    return fs.readdirSync(cacheDir).filter(f => f.endsWith('.json')).map(f => path.join(cacheDir, f));
  }

  test('a truncated cache file is ignored, and replaced', () => {
    LayerFingerprint.ofDirectory(dir);
    const [file] = cacheFiles();
    fs.writeFileSync(file, fs.readFileSync(file, 'utf-8').slice(0, 40));
    expect(LayerFingerprint.ofDirectory(dir)).toBe(expected);
    expect(JSON.parse(fs.readFileSync(file, 'utf-8')).fingerprint).toBe(expected);
  });

  test('a cache file of another version is ignored', () => {
    LayerFingerprint.ofDirectory(dir);
    const [file] = cacheFiles();
    const record = JSON.parse(fs.readFileSync(file, 'utf-8'));
    fs.writeFileSync(file, JSON.stringify({ ...record, version: 999, fingerprint: 'f'.repeat(64) }));
    expect(LayerFingerprint.ofDirectory(dir)).toBe(expected);
  });

  test('a cache directory that cannot be written is skipped: the fingerprint is right, nothing throws', () => {
    const blocked = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-cache-')), 'a-file');
    fs.writeFileSync(blocked, 'not a directory');
    process.env.CDK_LAYER_SYNC_CACHE_DIR = path.join(blocked, 'cache');
    expect(LayerFingerprint.ofDirectory(dir)).toBe(expected);
  });

  test('cache: false neither reads nor writes the cache', () => {
    LayerFingerprint.ofDirectory(dir, { cache: false });
    expect(cacheFiles()).toEqual([]);
  });
});
