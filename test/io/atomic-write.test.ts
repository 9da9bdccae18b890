import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFileAtomic } from '../../src/io/atomic-write';

describe('writeFileAtomic', () => {
  test('creates missing parent directories and replaces an existing file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-aw-')), 'a', 'b', 'out.json');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    expect(fs.readFileSync(file, 'utf-8')).toBe('two');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['out.json']);
  });

  test('names the target when it cannot write, and leaves no temporary file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-aw-'));
    fs.mkdirSync(path.join(dir, 'taken'));
    fs.writeFileSync(path.join(dir, 'taken', 'keep'), 'x');
    expect(() => writeFileAtomic(path.join(dir, 'taken'), 'text')).toThrow(`cannot write '${path.join(dir, 'taken')}'`);
    expect(fs.readdirSync(dir)).toEqual(['taken']);
  });
});
