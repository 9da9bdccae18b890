import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { STALE_LOCK_MS, withFileLock } from '../../src/io/file-lock';

function tmpFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-lock-')), 'layers.lock.json');
}

describe('withFileLock', () => {
  test('runs the action holding FILE.lock, and removes it afterwards, also when the action throws', () => {
    const file = tmpFile();
    const seen = withFileLock(file, () => fs.existsSync(`${file}.lock`));
    expect(seen).toBe(true);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    expect(() => withFileLock(file, () => {
      throw new Error('inside');
    })).toThrow('inside');
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  test('a lock another writer holds is waited for, then a clear error names the file, the lock and what to do', () => {
    const file = tmpFile();
    fs.mkdirSync(`${file}.lock`);
    let ran = false;
    expect(() => withFileLock(file, () => (ran = true), { waitMs: 300 }))
      .toThrow(new RegExp(`'${file}' is locked by another writer \\('${file}\\.lock' exists\\).*delete '${file}\\.lock'`));
    expect(ran).toBe(false);
    expect(fs.existsSync(`${file}.lock`)).toBe(true);
  });

  test('a lock left by a killed writer (not updated for longer than the stale time) is taken over', () => {
    const file = tmpFile();
    fs.mkdirSync(`${file}.lock`);
    const old = new Date(Date.now() - STALE_LOCK_MS - 5_000);
    fs.utimesSync(`${file}.lock`, old, old);
    expect(withFileLock(file, () => 'written', { waitMs: 300 })).toBe('written');
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  test('creates the parent directory of a file that does not exist yet', () => {
    const file = path.join(path.dirname(tmpFile()), 'new', 'dir', 'layers.lock.json');
    expect(withFileLock(file, () => 1)).toBe(1);
    expect(fs.existsSync(path.dirname(file))).toBe(true);
  });
});
