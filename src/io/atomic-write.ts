import * as fs from 'fs';
import * as path from 'path';

/**
 * Write a file atomically: the text goes to a temporary file beside the target, is flushed to disk, then
 * renamed over the target, so readers see the old file or the new one, never half of one. The parent
 * directory is created when missing. On failure the temporary file is removed and the target is untouched.
 * A symbolic link is followed: the file it points at is replaced, and the link stays. Temporary files that a
 * writer killed before its rename left beside the target are removed.
 */
export function writeFileAtomic(file: string, text: string): void {
  const target = realTarget(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  removeOrphanTemporaries(target);
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

/** The file a write of `file` replaces: `file` itself, or where its chain of symbolic links ends. */
function realTarget(file: string): string {
  const target = path.resolve(file);
  let link: fs.Stats | undefined;
  try {
    link = fs.lstatSync(target);
  } catch {
    return target;
  }
  if (!link.isSymbolicLink()) {
    return target;
  }
  try {
    return fs.realpathSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      // A dangling link: write the file it names, as `echo > link` would.
      return path.resolve(path.dirname(target), fs.readlinkSync(target));
    }
    throw new Error(`cannot write '${target}': it is a symbolic link that ${code === 'ELOOP' ? 'loops back on itself' : 'cannot be followed'} `
      + `(${(error as Error).message}). Fix: point it at a file, or remove it.`);
  }
}

/** Remove `.NAME.<pid>.<time>.tmp` files beside `target` whose writer process is gone. */
function removeOrphanTemporaries(target: string): void {
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    const match = name.startsWith(prefix) ? /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (match && !isAlive(Number(match[1]))) {
      fs.rmSync(path.join(path.dirname(target), name), { force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
