import { createHash, Hash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import fg = require('fast-glob');
import { compareText } from '../io/compare-text';
import { toPosixPath } from '../io/posix-path';
import { DirectoryFingerprintOptions } from './directory-fingerprint-options';
import { cachedFingerprint, EntryStat, storeFingerprint } from './fingerprint-cache';
import { FileContentReader } from './file-content-reader';

/** Build debris that Lambda never needs and that running tests or cloning would add or change. */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/__pycache__/**',
  '**/*.pyc',
  '**/.DS_Store',
  '**/.pytest_cache/**',
  '**/.git/**',
  '**/node_modules/.cache/**',
];

const FORMAT = 'cdk-layer-sync:directory:v1\n';
const WHO = 'LayerFingerprint.ofDirectory';

/**
 * SHA-256 over a directory tree: for each file, in sorted relative POSIX path order, its path, its
 * executable bit, its length and its content (CRLF read as LF in text files, as aws-cdk-lib's
 * `FileSystem.fingerprint` does, so a Windows checkout fingerprints alike); for each symbolic link not
 * followed, its path and target. Modification times, listing order and the tree's location play no part.
 */
export function fingerprintDirectory(directory: string, options: DirectoryFingerprintOptions = {}): string {
  const exclude = validateExcludes(options.exclude);
  const root = path.resolve(directory);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT'
      ? `${WHO}: directory '${root}' does not exist`
      : `${WHO}: cannot read directory '${root}': ${(error as Error).message}`);
  }
  if (!stat.isDirectory()) {
    throw new Error(`${WHO}: '${root}' is not a directory`);
  }
  const followSymlinks = options.followSymlinks ?? false;
  const ignore = [...DEFAULT_EXCLUDES, ...exclude];
  // Taken before the tree is read: anything written from now on has a later change time.
  const snapshotAtMs = Date.now();
  const entries = new TreeLister(ignore, followSymlinks).list(root, '', [fs.realpathSync(root)]);
  if (entries.length === 0) {
    throw new Error(`${WHO}: directory '${root}' contains no files${exclude.length ? ` outside the excludes (${exclude.join(', ')})` : ''}; `
      + 'a layer needs at least one');
  }
  const useCache = options.cache ?? true;
  const cacheKey = JSON.stringify({ format: FORMAT, ignore, followSymlinks });
  const snapshot = entries.map(e => e.stat);
  if (useCache) {
    const cached = cachedFingerprint(root, cacheKey, snapshot);
    if (cached !== undefined) {
      return cached;
    }
  }
  const hash = createHash('sha256').update(FORMAT);
  const reader = new FileContentReader();
  for (const entry of entries) {
    hashEntry(hash, entry, reader);
  }
  const fingerprint = hash.digest('hex');
  if (useCache) {
    storeFingerprint(root, cacheKey, snapshot, snapshotAtMs, fingerprint);
  }
  return fingerprint;
}

function validateExcludes(exclude: unknown): string[] {
  if (exclude === undefined) {
    return [];
  }
  if (!Array.isArray(exclude) || exclude.some(p => typeof p !== 'string' || p.length === 0)) {
    throw new Error(`${WHO}: exclude must be a list of non-empty glob patterns, got ${JSON.stringify(exclude)}`);
  }
  return exclude;
}

/** One entry of the fingerprint, in order: a file (hashed by content) or a link not followed (by target). */
interface TreeEntry {
  readonly absolute: string;
  /** For a file: any execute bit set. */
  readonly executable?: boolean;
  /** The link's target, for a symbolic link that is not followed. */
  readonly linkTarget?: string;
  readonly stat: EntryStat;
}

function entryStat(relative: string, kind: 'F' | 'L', stats: fs.Stats): EntryStat {
  return {
    path: relative, kind: `${kind}${(stats.mode & 0o7777).toString(8)}`,
    dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs,
  };
}

function fileEntry(absolute: string, relative: string, stats: fs.Stats): TreeEntry {
  return { absolute, executable: (stats.mode & 0o111) !== 0, stat: entryStat(relative, 'F', stats) };
}

/** Lists a tree in fingerprint order (sorted relative POSIX paths), following links only when asked. */
class TreeLister {
  constructor(private readonly ignore: string[], private readonly followSymlinks: boolean) {}

  public list(dir: string, prefix: string, chain: string[]): TreeEntry[] {
    // Paths only, then lstat each: fast-glob's own `stats` option made the listing a third slower.
    const listed = fg.sync('**', {
      cwd: dir, dot: true, onlyFiles: false, followSymbolicLinks: false, ignore: this.ignore, suppressErrors: false,
    }).sort(compareText);
    const entries: TreeEntry[] = [];
    for (const item of listed) {
      const absolute = path.join(dir, item);
      if (item.includes('\uFFFD') && !fs.existsSync(absolute)) {
        // Node decodes names as UTF-8: a name in another encoding comes back altered and cannot be opened.
        throw new Error(`${WHO}: a file name in '${dir}' is not valid UTF-8 (it reads as '${item}'), so it cannot be `
          + 'read by name; rename it with UTF-8 characters');
      }
      const stats = lstat(absolute);
      if (stats.isDirectory()) {
        continue;
      }
      const relative = prefix + item;
      if (stats.isSymbolicLink()) {
        if (this.followSymlinks) {
          entries.push(...this.followLink(absolute, relative, chain));
        } else {
          entries.push({ absolute, linkTarget: toPosixPath(fs.readlinkSync(absolute)), stat: entryStat(relative, 'L', stats) });
        }
      } else if (stats.isFile()) {
        entries.push(fileEntry(absolute, relative, stats));
      } else {
        throw new Error(`${WHO}: '${absolute}' is not a regular file, directory or symbolic link; a layer cannot hold it`);
      }
    }
    return entries;
  }

  private followLink(absolute: string, relative: string, chain: string[]): TreeEntry[] {
    let real: string;
    try {
      real = fs.realpathSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(code === 'ELOOP'
        ? `${WHO}: symbolic link loop at '${absolute}'`
        : `${WHO}: symbolic link '${absolute}' points at '${fs.readlinkSync(absolute)}', which does not exist`);
    }
    const stats = fs.statSync(real);
    if (stats.isFile()) {
      return [fileEntry(real, relative, stats)];
    }
    if (!stats.isDirectory()) {
      throw new Error(`${WHO}: symbolic link '${absolute}' points at '${real}', which is not a regular file or directory; a layer cannot hold it`);
    }
    const containing = fs.realpathSync(path.dirname(absolute));
    if (chain.includes(real) || containing === real || containing.startsWith(real + path.sep)) {
      throw new Error(`${WHO}: symbolic link loop: '${absolute}' points at '${real}', which contains it`);
    }
    return this.list(real, `${relative}/`, [...chain, real]);
  }
}

/** The entry's own stats (a link's, not its target's); an entry removed since it was listed gives an error naming it. */
function lstat(absolute: string): fs.Stats {
  try {
    return fs.lstatSync(absolute);
  } catch (error) {
    throw new Error(`${WHO}: cannot read '${absolute}': ${(error as Error).message}`);
  }
}

/** Add one entry to the fingerprint: `F` records carry the content, `L` records the link's target. */
function hashEntry(hash: Hash, entry: TreeEntry, reader: FileContentReader): void {
  const relative = entry.stat.path;
  if (entry.linkTarget !== undefined) {
    hash.update(`L\0${relative}\0${entry.linkTarget}\0`);
    return;
  }
  let content: Buffer;
  try {
    content = reader.read(entry.absolute);
  } catch (error) {
    throw new Error(`${WHO}: cannot read file '${entry.absolute}': ${(error as Error).message}`);
  }
  const normalized = normalizeLineEndings(content);
  const executable = entry.executable ? 'x' : '-';
  hash.update(`F\0${relative}\0${executable}\0${normalized.length}\0`);
  hash.update(normalized);
}

/** CRLF as LF in text files (no NUL byte in the first 8000 bytes, git's heuristic); binary files as they are. */
function normalizeLineEndings(content: Buffer): Buffer {
  if (content.indexOf(13) === -1 || content.subarray(0, 8000).indexOf(0) !== -1) {
    return content;
  }
  return Buffer.from(content.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
}
