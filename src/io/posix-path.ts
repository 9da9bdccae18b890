import * as path from 'path';

/** A path with `/` separators, as lock files and fingerprints record paths on every machine. */
export function toPosixPath(p: string): string {
  return p.split(path.sep).join('/');
}

/** `target` relative to `from`, with `/` separators; `.` for the same directory. */
export function relativePosixPath(from: string, target: string): string {
  return toPosixPath(path.relative(from, path.resolve(target))) || '.';
}
