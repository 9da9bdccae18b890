import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unwritableReason } from '../../src/io/writable-file';

/** root may write anywhere: permission checks mean nothing there. */
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

describe('unwritableReason', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cls-writable-'));

  test('nothing for a new file in a writable directory, or below directories still to be made', () => {
    const base = dir();
    expect(unwritableReason(path.join(base, 'layers.lock.json'))).toBeUndefined();
    expect(unwritableReason(path.join(base, 'a', 'b', 'layers.lock.json'))).toBeUndefined();
  });

  test('a directory is not a lock file', () => {
    expect(unwritableReason(dir())).toBe('it is a directory; expected the path of a lock file (a JSON file)');
  });

  test('a path below a regular file names that file', () => {
    const file = path.join(dir(), 'plain');
    fs.writeFileSync(file, 'x');
    expect(unwritableReason(path.join(file, 'layers.lock.json'))).toBe(`'${file}' is not a directory`);
  });

  (IS_ROOT ? test.skip : test)('a read-only file, and a file in a read-only directory', () => {
    const base = dir();
    const file = path.join(base, 'layers.lock.json');
    fs.writeFileSync(file, '{}');
    fs.chmodSync(file, 0o444);
    expect(unwritableReason(file)).toBe('the file is read-only');
    const locked = path.join(base, 'locked');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0o555);
    expect(unwritableReason(path.join(locked, 'layers.lock.json'))).toBe(`the directory '${locked}' cannot be written into`);
  });
});
