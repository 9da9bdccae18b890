import * as fs from 'fs';
import * as path from 'path';

/**
 * Write a file atomically: the text goes to a temporary file beside the target, is flushed to disk, then
 * renamed over the target, so readers see the old file or the new one, never half of one. The parent
 * directory is created when missing. On failure the temporary file is removed and the target is untouched.
 */
export function writeFileAtomic(file: string, text: string): void {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(temporary, 'w');
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new Error(`cannot write '${target}': ${(error as Error).message}`);
  }
}
