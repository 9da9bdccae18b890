import { spawnSync } from 'child_process';
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

  test('follows a symbolic link: the file it points at gets the text, and the link stays', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-aw-'));
    fs.writeFileSync(path.join(dir, 'real.json'), 'old');
    fs.symlinkSync('real.json', path.join(dir, 'link.json'));
    writeFileAtomic(path.join(dir, 'link.json'), 'new');
    expect(fs.lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real.json'), 'utf-8')).toBe('new');
  });

  test('a dangling link gets the file it names', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-aw-'));
    fs.symlinkSync('later.json', path.join(dir, 'link.json'));
    writeFileAtomic(path.join(dir, 'link.json'), 'text');
    expect(fs.readFileSync(path.join(dir, 'later.json'), 'utf-8')).toBe('text');
  });

  test('a link that loops is a clear error naming it, and nothing is written', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-aw-'));
    fs.symlinkSync('b.json', path.join(dir, 'a.json'));
    fs.symlinkSync('a.json', path.join(dir, 'b.json'));
    expect(() => writeFileAtomic(path.join(dir, 'a.json'), 'text'))
      .toThrow(`cannot write '${path.join(dir, 'a.json')}': it is a symbolic link that loops back on itself`);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.json', 'b.json']);
  });

  test('removes the temporary files a killed writer left, and keeps those of a live one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-aw-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf-8' }).stdout;
    fs.writeFileSync(path.join(dir, `.out.json.${dead}.1.tmp`), 'half');
    fs.writeFileSync(path.join(dir, `.out.json.${process.pid}.2.tmp`), 'in progress');
    fs.writeFileSync(path.join(dir, `.other.json.${dead}.1.tmp`), 'not ours');
    writeFileAtomic(path.join(dir, 'out.json'), 'text');
    expect(fs.readdirSync(dir).sort()).toEqual([`.other.json.${dead}.1.tmp`, `.out.json.${process.pid}.2.tmp`, 'out.json']);
  });
});
