import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EntryStat, RACY_WINDOW_MS, snapshotStillHolds } from '../../src/fingerprint/fingerprint-cache';

const entry = (overrides: Partial<EntryStat> = {}): EntryStat => ({
  path: 'python/tools.py', kind: 'F644', dev: 1, ino: 42, size: 10, mtimeMs: 1_000, ctimeMs: 2_000, ...overrides,
});
const row = (e: EntryStat): [string, string, number, number, number, number, number] =>
  [e.path, e.kind, e.dev, e.ino, e.size, e.mtimeMs, e.ctimeMs];

describe('snapshotStillHolds', () => {
  const recordedAt = 2_000 + RACY_WINDOW_MS + 1;

  test('holds when every field matches and the timestamps are safely older than the snapshot', () => {
    expect(snapshotStillHolds([row(entry())], recordedAt, [entry()])).toBe(true);
  });

  test.each([
    ['the change time (an edit with its mtime restored)', { ctimeMs: 2_500 }],
    ['the inode (deleted and recreated)', { ino: 43 }],
    ['the size', { size: 11 }],
    ['the modification time', { mtimeMs: 1_001 }],
    ['the mode (chmod)', { kind: 'F755' }],
    ['the kind (replaced by a symbolic link)', { kind: 'L777' }],
    ['the path (renamed)', { path: 'python/tools2.py' }],
  ])('fails when %s differs', (_what, change) => {
    expect(snapshotStillHolds([row(entry())], recordedAt, [entry(change)])).toBe(false);
  });

  test('fails when an entry was added or removed', () => {
    expect(snapshotStillHolds([row(entry())], recordedAt, [entry(), entry({ path: 'b' })])).toBe(false);
    expect(snapshotStillHolds([row(entry()), row(entry({ path: 'b' }))], recordedAt, [entry()])).toBe(false);
  });

  test('racy-clean: timestamps within the window of the snapshot are not trusted, even when equal', () => {
    expect(snapshotStillHolds([row(entry())], 2_000 + RACY_WINDOW_MS - 1, [entry()])).toBe(false);
    expect(snapshotStillHolds([row(entry({ mtimeMs: 5_000, ctimeMs: 1_000 }))], 5_000 + RACY_WINDOW_MS - 1,
      [entry({ mtimeMs: 5_000, ctimeMs: 1_000 })])).toBe(false);
  });
});

describe('cacheDirectory', () => {
  test('is CDK_LAYER_SYNC_CACHE_DIR when set', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { cacheDirectory } = require('../../src/fingerprint/fingerprint-cache');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-cache-'));
    const before = process.env.CDK_LAYER_SYNC_CACHE_DIR;
    process.env.CDK_LAYER_SYNC_CACHE_DIR = dir;
    try {
      expect(cacheDirectory()).toBe(dir);
    } finally {
      process.env.CDK_LAYER_SYNC_CACHE_DIR = before;
    }
  });
});
