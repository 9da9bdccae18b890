import * as fs from 'fs';
import * as path from 'path';
import * as lockfile from 'proper-lockfile';

/** How long a lock may go without an update before another writer takes it over (a killed writer's lock). */
export const STALE_LOCK_MS = 10_000;
/** How long a writer waits for a lock another writer holds, before it gives up with an error. */
export const LOCK_WAIT_MS = 15_000;

/** Options of `withFileLock`. */
export interface FileLockOptions {
  /** How long to wait for the lock. */
  readonly waitMs?: number;
}

/**
 * Run `action` while holding an exclusive lock on `file`, across processes: a `FILE.lock` directory beside it
 * (proper-lockfile). A writer that finds the lock held waits for it, up to `LOCK_WAIT_MS`; a lock nobody has updated
 * for `STALE_LOCK_MS` (its writer was killed) is taken over. So a read-modify-write inside `action` never loses
 * another writer's entries.
 *
 * @throws naming the lock and what to do, when the lock cannot be had in time
 */
export function withFileLock<T>(file: string, action: () => T, options: FileLockOptions = {}): T {
  const target = path.resolve(file);
  const lockPath = `${target}.lock`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  const deadline = Date.now() + waitMs;
  let release: (() => void) | undefined;
  for (let delay = 5; release === undefined; delay = Math.min(delay * 2, 100)) {
    try {
      release = lockfile.lockSync(target, {
        realpath: false,
        lockfilePath: lockPath,
        stale: STALE_LOCK_MS,
        // The section under the lock takes milliseconds: nothing to do if a timer finds it compromised afterwards.
        onCompromised: () => undefined,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
        throw new Error(`cannot lock '${target}' (lock '${lockPath}'): ${(error as Error).message}`);
      }
      if (Date.now() >= deadline) {
        throw new Error(`'${target}' is locked by another writer ('${lockPath}' exists) and stayed locked for `
          + `${Math.round(waitMs / 1000)} s. Another cdk-layer-sync process (registry add, or a synthesis with `
          + 'registryOutput) is writing it: run again when it is done. A lock left by a killed process is taken over '
          + `once it is ${STALE_LOCK_MS / 1000} s old; if none is running and it persists, delete '${lockPath}'.`);
      }
      sleep(delay);
    }
  }
  try {
    return action();
  } finally {
    release();
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
