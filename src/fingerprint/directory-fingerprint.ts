import { createHash, Hash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import fg = require('fast-glob');
import { compareText } from '../io/compare-text';
import { toPosixPath } from '../io/posix-path';
import { DirectoryFingerprintOptions } from './directory-fingerprint-options';

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
  const hash = createHash('sha256').update(FORMAT);
  const walker = new TreeHasher(hash, [...DEFAULT_EXCLUDES, ...exclude], options.followSymlinks ?? false);
  const count = walker.hashTree(root, '', [fs.realpathSync(root)]);
  if (count === 0) {
    throw new Error(`${WHO}: directory '${root}' contains no files${exclude.length ? ` outside the excludes (${exclude.join(', ')})` : ''}; `
      + 'a layer needs at least one');
  }
  return hash.digest('hex');
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

class TreeHasher {
  constructor(private readonly hash: Hash, private readonly ignore: string[], private readonly followSymlinks: boolean) {}

  /** Hash every entry below `dir` as `prefix + relative path`; returns the number of entries hashed. */
  public hashTree(dir: string, prefix: string, chain: string[]): number {
    const entries = fg.sync('**', {
      cwd: dir, dot: true, onlyFiles: false, followSymbolicLinks: false, stats: true, ignore: this.ignore, suppressErrors: false,
    }).sort((a, b) => compareText(a.path, b.path));
    let count = 0;
    for (const entry of entries) {
      const stats = entry.stats!;
      if (stats.isDirectory()) {
        continue;
      }
      const absolute = path.join(dir, entry.path);
      const relative = prefix + entry.path;
      if (stats.isSymbolicLink()) {
        count += this.followSymlinks ? this.hashFollowedLink(absolute, relative, chain) : this.hashLink(absolute, relative);
      } else if (stats.isFile()) {
        this.hashFile(absolute, relative, stats.mode);
        count++;
      } else {
        throw new Error(`${WHO}: '${absolute}' is not a regular file, directory or symbolic link; a layer cannot hold it`);
      }
    }
    return count;
  }

  private hashLink(absolute: string, relative: string): number {
    const target = toPosixPath(fs.readlinkSync(absolute));
    this.hash.update(`L\0${relative}\0${target}\0`);
    return 1;
  }

  private hashFollowedLink(absolute: string, relative: string, chain: string[]): number {
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
    if (!stats.isDirectory()) {
      this.hashFile(real, relative, stats.mode);
      return 1;
    }
    const containing = fs.realpathSync(path.dirname(absolute));
    if (chain.includes(real) || containing === real || containing.startsWith(real + path.sep)) {
      throw new Error(`${WHO}: symbolic link loop: '${absolute}' points at '${real}', which contains it`);
    }
    return this.hashTree(real, `${relative}/`, [...chain, real]);
  }

  private hashFile(absolute: string, relative: string, mode: number): void {
    let content: Buffer;
    try {
      content = fs.readFileSync(absolute);
    } catch (error) {
      throw new Error(`${WHO}: cannot read file '${absolute}': ${(error as Error).message}`);
    }
    const normalized = normalizeLineEndings(content);
    const executable = (mode & 0o111) !== 0 ? 'x' : '-';
    this.hash.update(`F\0${relative}\0${executable}\0${normalized.length}\0`);
    this.hash.update(normalized);
  }
}

/** CRLF as LF in text files (no NUL byte in the first 8000 bytes, git's heuristic); binary files as they are. */
function normalizeLineEndings(content: Buffer): Buffer {
  if (content.indexOf(13) === -1 || content.subarray(0, 8000).indexOf(0) !== -1) {
    return content;
  }
  return Buffer.from(content.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
}
