import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileContentReader } from '../../src/fingerprint/file-content-reader';

function write(content: Buffer | string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-read-')), 'file');
  fs.writeFileSync(file, content);
  return file;
}

describe('FileContentReader', () => {
  test('reads a file larger than its buffer whole (the buffer grows), then a small one after it', () => {
    const large = randomBytes(3 * 1024 * 1024 + 17);
    const small = Buffer.from('def f():\n    return 1\n');
    const reader = new FileContentReader();
    expect(Buffer.compare(reader.read(write(large)), large)).toBe(0);
    const read = reader.read(write(small));
    expect(read.length).toBe(small.length);
    expect(read.toString()).toBe(small.toString());
  });

  test('a file exactly as large as the buffer (256 KiB): the end is found by reading past it', () => {
    const exact = randomBytes(256 * 1024);
    expect(Buffer.compare(new FileContentReader().read(write(exact)), exact)).toBe(0);
  });

  test('an empty file gives an empty buffer', () => {
    expect(new FileContentReader().read(write('')).length).toBe(0);
  });

  test('the file system error for a missing file or a directory, and no descriptor left open', () => {
    const reader = new FileContentReader();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-read-'));
    const openBefore = fs.readdirSync('/proc/self/fd').length;
    expect(() => reader.read(path.join(dir, 'missing'))).toThrow(/ENOENT/);
    expect(() => reader.read(dir)).toThrow(/EISDIR/);
    expect(fs.readdirSync('/proc/self/fd').length).toBe(openBefore);
  });
});
