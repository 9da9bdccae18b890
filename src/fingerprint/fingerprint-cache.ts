import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFileAtomic } from '../io/atomic-write';

/** The cache file format; a file of another version is ignored. */
export const FINGERPRINT_CACHE_VERSION = 1;

/** How many directories the cache remembers; the least recently written are forgotten first. */
export const MAX_CACHED_DIRECTORIES = 100;

/**
 * Timestamps closer than this to the moment a snapshot was taken are not trusted (git's racy-clean rule):
 * on a filesystem with coarse timestamps, a later write within the same tick would leave them unchanged.
 */
export const RACY_WINDOW_MS = 2000;

/** What the filesystem says about one entry of a tree: everything a change to it changes. */
export interface EntryStat {
  /** The relative path, as fingerprinted. */
  readonly path: string;
  /** `F` (file) or `L` (symbolic link, not followed), with the mode bits. */
  readonly kind: string;
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  /** Changes on every write, chmod, rename or link, and cannot be set back by `utimes`, `unzip` or `tar`. */
  readonly ctimeMs: number;
}

/** A directory fingerprint with the snapshot of the tree it was computed from. */
interface CacheRecord {
  readonly version: number;
  readonly root: string;
  readonly options: string;
  /** When the snapshot was taken (ms since the epoch). */
  readonly recordedAtMs: number;
  readonly fingerprint: string;
  /** [path, kind, dev, ino, size, mtimeMs, ctimeMs] per entry, in fingerprint order. */
  readonly entries: Array<[string, string, number, number, number, number, number]>;
}

/** Where the cache lives: `CDK_LAYER_SYNC_CACHE_DIR`, else the user's cache directory. */
export function cacheDirectory(): string {
  const configured = process.env.CDK_LAYER_SYNC_CACHE_DIR;
  if (configured) {
    return path.resolve(configured);
  }
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'cdk-layer-sync', 'fingerprints');
}

function cacheFile(root: string, options: string): string {
  const key = createHash('sha256').update(`${root}\0${options}`).digest('hex').slice(0, 32);
  return path.join(cacheDirectory(), `${key}.json`);
}

function toRow(e: EntryStat): CacheRecord['entries'][number] {
  return [e.path, e.kind, e.dev, e.ino, e.size, e.mtimeMs, e.ctimeMs];
}

/**
 * True when a cached snapshot still describes the tree: the same entries, each with the same device, inode,
 * size, modification and change times, none of them within the racy window of the moment it was taken.
 */
export function snapshotStillHolds(
  cached: CacheRecord['entries'], recordedAtMs: number, current: readonly EntryStat[], racyWindowMs = RACY_WINDOW_MS,
): boolean {
  if (cached.length !== current.length) {
    return false;
  }
  const trustedBefore = recordedAtMs - racyWindowMs;
  for (let i = 0; i < current.length; i++) {
    const now = toRow(current[i]);
    const then = cached[i];
    if (now.some((value, k) => value !== then[k])) {
      return false;
    }
    if (current[i].mtimeMs >= trustedBefore || current[i].ctimeMs >= trustedBefore) {
      return false;
    }
  }
  return true;
}

/**
 * The fingerprint cached for this tree, if its snapshot still holds. Anything wrong with the cache (missing,
 * truncated, another version, unreadable) reads as a miss, never as an error.
 */
export function cachedFingerprint(root: string, options: string, current: readonly EntryStat[], racyWindowMs = RACY_WINDOW_MS): string | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(cacheFile(root, options), 'utf-8')) as CacheRecord;
    if (record.version !== FINGERPRINT_CACHE_VERSION || record.root !== root || record.options !== options
      || typeof record.fingerprint !== 'string' || !Array.isArray(record.entries) || typeof record.recordedAtMs !== 'number') {
      return undefined;
    }
    return snapshotStillHolds(record.entries, record.recordedAtMs, current, racyWindowMs) ? record.fingerprint : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Remember a fingerprint with the snapshot it was computed from, atomically. A cache that cannot be written
 * (read-only, full disk) is skipped silently: the fingerprint is right either way, only slower next time.
 */
export function storeFingerprint(root: string, options: string, snapshot: readonly EntryStat[], recordedAtMs: number, fingerprint: string): void {
  const record: CacheRecord = {
    version: FINGERPRINT_CACHE_VERSION, root, options, recordedAtMs, fingerprint, entries: snapshot.map(toRow),
  };
  try {
    writeFileAtomic(cacheFile(root, options), JSON.stringify(record));
    evictOldest();
  } catch {
    // The cache is an optimisation; failing to write it changes no result.
  }
}

function evictOldest(): void {
  const dir = cacheDirectory();
  const files = fs.readdirSync(dir).filter(f => f.endsWith('.json'));
  if (files.length <= MAX_CACHED_DIRECTORIES) {
    return;
  }
  const byAge = files.map(f => ({ f, mtime: fs.statSync(path.join(dir, f)).mtimeMs })).sort((a, b) => a.mtime - b.mtime);
  for (const { f } of byAge.slice(0, files.length - MAX_CACHED_DIRECTORIES)) {
    fs.rmSync(path.join(dir, f), { force: true });
  }
}
