import * as fs from 'fs';
import * as path from 'path';

/** Why a directory given as a lock file's path is refused, in every reader and writer of lock files. */
export const LOCK_FILE_IS_DIRECTORY = 'it is a directory; expected the path of a lock file (a JSON file)';

/**
 * Why `file` cannot be written by an atomic write (a temporary file beside it, then a rename), or nothing when it
 * can: it is a directory, it is read-only, or the nearest existing directory above it cannot be written into.
 */
export function unwritableReason(file: string): string | undefined {
  const target = path.resolve(file);
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) {
      return LOCK_FILE_IS_DIRECTORY;
    }
    if (!accessible(target, fs.constants.W_OK)) {
      return 'the file is read-only';
    }
  }
  let directory = path.dirname(target);
  while (!fs.existsSync(directory) && path.dirname(directory) !== directory) {
    directory = path.dirname(directory);
  }
  if (!fs.statSync(directory).isDirectory()) {
    return `'${directory}' is not a directory`;
  }
  if (!accessible(directory, fs.constants.W_OK | fs.constants.X_OK)) {
    return `the directory '${directory}' cannot be written into`;
  }
  return undefined;
}

function accessible(file: string, mode: number): boolean {
  try {
    fs.accessSync(file, mode);
    return true;
  } catch {
    return false;
  }
}
