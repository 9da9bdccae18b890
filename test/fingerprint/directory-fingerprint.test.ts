import { createHash } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { LayerFingerprint } from '../../src';

/** A fresh layer tree: python/pkg/{__init__,mod}.py and a binary data file. */
function tree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-tree-'));
  fs.mkdirSync(path.join(dir, 'python', 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'python', 'pkg', '__init__.py'), '');
  fs.writeFileSync(path.join(dir, 'python', 'pkg', 'mod.py'), 'def f():\n    return 1\n');
  fs.writeFileSync(path.join(dir, 'python', 'data.bin'), Buffer.from([0, 1, 2, 13, 10, 255]));
  return dir;
}
const fp = (dir: string, options = {}) => LayerFingerprint.ofDirectory(dir, options);
const copy = (dir: string) => {
  const to = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-copy-')), 'elsewhere');
  fs.cpSync(dir, to, { recursive: true, verbatimSymlinks: true });
  return to;
};

describe('LayerFingerprint.ofDirectory: the documented format', () => {
  test('matches a digest computed by hand for a one-file tree', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-kat-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), 'x');
    fs.chmodSync(path.join(dir, 'a.txt'), 0o644);
    const expected = createHash('sha256').update('cdk-layer-sync:directory:v1\n').update('F\0a.txt\0-\x001\0').update('x').digest('hex');
    expect(fp(dir)).toBe(expected);
  });

  test('matches a digest computed by hand for files larger than the read buffer, in path order', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-kat-'));
    const big = Buffer.alloc(1024 * 1024 + 3, 7);
    fs.writeFileSync(path.join(dir, 'b.so'), big);
    fs.writeFileSync(path.join(dir, 'a.txt'), 'x');
    fs.chmodSync(path.join(dir, 'a.txt'), 0o644);
    fs.chmodSync(path.join(dir, 'b.so'), 0o755);
    const expected = createHash('sha256').update('cdk-layer-sync:directory:v1\n')
      .update('F\0a.txt\0-\x001\0').update('x')
      .update(`F\0b.so\0x\0${big.length}\0`).update(big)
      .digest('hex');
    expect(fp(dir)).toBe(expected);
  });
});

describe('LayerFingerprint.ofDirectory: stays the same', () => {
  test('after copying the tree elsewhere', () => {
    const dir = tree();
    expect(fp(copy(dir))).toBe(fp(dir));
  });

  test('after touching every file', () => {
    const dir = tree();
    const before = fp(dir);
    const later = new Date(Date.now() + 86_400_000);
    for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) {
      fs.utimesSync(path.join(dir, file), later, later);
    }
    expect(fp(dir)).toBe(before);
  });

  test('whatever order the files were created in', () => {
    const make = (order: string[]) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-order-'));
      order.forEach(name => fs.writeFileSync(path.join(dir, name), name));
      return fp(dir);
    };
    expect(make(['b', 'a', 'C', 'a.b', 'a-b'])).toBe(make(['a-b', 'a.b', 'C', 'a', 'b']));
  });

  test.each([
    ['__pycache__', 'python/pkg/__pycache__/mod.cpython-313.pyc'],
    ['*.pyc', 'python/pkg/stray.pyc'],
    ['.DS_Store', 'python/.DS_Store'],
    ['.pytest_cache', '.pytest_cache/v/cache/lastfailed'],
    ['.git', '.git/HEAD'],
    ['node_modules/.cache', 'nodejs/node_modules/.cache/babel/x.json'],
  ])('after adding %s (default excludes)', (_name, file) => {
    const dir = tree();
    const before = fp(dir);
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), 'debris');
    expect(fp(dir)).toBe(before);
  });

  test('with a user exclude, after adding a matching file', () => {
    const dir = tree();
    const before = fp(dir, { exclude: ['**/tests/**'] });
    fs.mkdirSync(path.join(dir, 'python', 'tests'));
    fs.writeFileSync(path.join(dir, 'python', 'tests', 'test_mod.py'), 'assert True\n');
    expect(fp(dir, { exclude: ['**/tests/**'] })).toBe(before);
    expect(fp(dir)).not.toBe(before);
  });

  test('when a text file is checked out with CRLF line endings', () => {
    const dir = tree();
    const before = fp(dir);
    fs.writeFileSync(path.join(dir, 'python', 'pkg', 'mod.py'), 'def f():\r\n    return 1\r\n');
    expect(fp(dir)).toBe(before);
  });

  test('an empty directory does not count', () => {
    const dir = tree();
    const before = fp(dir);
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(fp(dir)).toBe(before);
  });
});

describe('LayerFingerprint.ofDirectory: changes with every change to the layer', () => {
  const changes: Array<[string, (dir: string) => void]> = [
    ['content', dir => fs.appendFileSync(path.join(dir, 'python', 'pkg', 'mod.py'), '# more\n')],
    ['a binary byte (CR LF in binary data is kept)', dir => fs.writeFileSync(path.join(dir, 'python', 'data.bin'), Buffer.from([0, 1, 2, 10, 255]))],
    ['a rename', dir => fs.renameSync(path.join(dir, 'python', 'pkg', 'mod.py'), path.join(dir, 'python', 'pkg', 'mod2.py'))],
    ['a move to another directory', dir => fs.renameSync(path.join(dir, 'python', 'data.bin'), path.join(dir, 'python', 'pkg', 'data.bin'))],
    ['an added file', dir => fs.writeFileSync(path.join(dir, 'python', 'new.py'), '')],
    ['a deleted file', dir => fs.rmSync(path.join(dir, 'python', 'pkg', '__init__.py'))],
    ['an executable bit', dir => fs.chmodSync(path.join(dir, 'python', 'pkg', 'mod.py'), 0o755)],
    ['an added symlink', dir => fs.symlinkSync('pkg/mod.py', path.join(dir, 'python', 'link.py'))],
  ];
  test.each(changes)('%s', (_what, change) => {
    const dir = tree();
    const before = fp(dir);
    change(dir);
    expect(fp(dir)).not.toBe(before);
  });

  test('a symlink target', () => {
    const dir = tree();
    fs.symlinkSync('pkg/mod.py', path.join(dir, 'python', 'link.py'));
    const before = fp(dir);
    fs.rmSync(path.join(dir, 'python', 'link.py'));
    fs.symlinkSync('pkg/__init__.py', path.join(dir, 'python', 'link.py'));
    expect(fp(dir)).not.toBe(before);
  });
});

describe('LayerFingerprint.ofDirectory: symbolic links', () => {
  test('by default a link is hashed by its target path, not its content', () => {
    const dir = tree();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-outside-'));
    fs.writeFileSync(path.join(outside, 'shared.py'), 'A = 1\n');
    fs.symlinkSync(path.join(outside, 'shared.py'), path.join(dir, 'python', 'shared.py'));
    const before = fp(dir);
    fs.writeFileSync(path.join(outside, 'shared.py'), 'A = 2\n');
    expect(fp(dir)).toBe(before);
  });

  test('followSymlinks hashes what links point at, files and directories', () => {
    const dir = tree();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-outside-'));
    fs.mkdirSync(path.join(outside, 'lib'));
    fs.writeFileSync(path.join(outside, 'lib', 'shared.py'), 'A = 1\n');
    fs.symlinkSync(path.join(outside, 'lib'), path.join(dir, 'python', 'lib'));
    const before = fp(dir, { followSymlinks: true });
    fs.writeFileSync(path.join(outside, 'lib', 'shared.py'), 'A = 2\n');
    expect(fp(dir, { followSymlinks: true })).not.toBe(before);
  });

  test('a followed link equals a real copy of what it points at', () => {
    const real = tree();
    const linked = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-linked-'));
    fs.symlinkSync(path.join(real, 'python'), path.join(linked, 'python'));
    expect(fp(linked, { followSymlinks: true })).toBe(fp(real));
  });
});

describe('LayerFingerprint.ofDirectory: errors name the path', () => {
  test('a missing directory', () => {
    expect(() => fp('/definitely/not/here')).toThrow("LayerFingerprint.ofDirectory: directory '/definitely/not/here' does not exist");
  });

  test('a file instead of a directory', () => {
    const file = path.join(tree(), 'python', 'data.bin');
    expect(() => fp(file)).toThrow(`'${file}' is not a directory`);
  });

  test('a file name that is not UTF-8 (Latin-1 "café.py")', () => {
    const dir = tree();
    const name = Buffer.concat([Buffer.from(path.join(dir, 'python', 'caf')), Buffer.from([0xe9]), Buffer.from('.py')]);
    fs.writeFileSync(name, 'x = 1\n');
    expect(() => fp(dir)).toThrow(`a file name in '${dir}' is not valid UTF-8 (it reads as 'python/caf\uFFFD.py')`);
  });

  test('an empty directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-empty-'));
    expect(() => fp(dir)).toThrow(`directory '${dir}' contains no files; a layer needs at least one`);
  });

  test('a directory holding only excluded files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-excl-'));
    fs.writeFileSync(path.join(dir, 'notes.md'), 'x');
    expect(() => fp(dir, { exclude: ['*.md'] })).toThrow('contains no files outside the excludes (*.md)');
  });

  test('a symlink loop when following links', () => {
    const dir = tree();
    fs.symlinkSync('..', path.join(dir, 'python', 'pkg', 'up'));
    expect(() => fp(dir, { followSymlinks: true })).toThrow(/symbolic link loop: '.*python\/pkg\/up' points at/);
    expect(() => fp(dir)).not.toThrow();
  });

  test('a link to itself when following links', () => {
    const dir = tree();
    fs.symlinkSync('self', path.join(dir, 'self'));
    expect(() => fp(dir, { followSymlinks: true })).toThrow(/symbolic link loop at '.*self'/);
  });

  test('a dangling link when following links', () => {
    const dir = tree();
    fs.symlinkSync('nowhere.py', path.join(dir, 'python', 'gone.py'));
    expect(() => fp(dir, { followSymlinks: true })).toThrow(/symbolic link '.*gone\.py' points at 'nowhere\.py', which does not exist/);
  });

  test('a file that cannot be read as a file (a socket)', async () => {
    const dir = tree();
    const socket = path.join(dir, 'python', 'sock');
    const server = net.createServer();
    await new Promise<void>(resolve => server.listen(socket, resolve));
    try {
      expect(() => fp(dir)).toThrow(`'${socket}' is not a regular file, directory or symbolic link`);
    } finally {
      server.close();
    }
  });

  test('a file that fails to read (even as root: /proc/self/mem, through a followed link)', () => {
    const dir = tree();
    fs.symlinkSync('/proc/self/mem', path.join(dir, 'python', 'mem'));
    expect(() => fp(dir, { followSymlinks: true })).toThrow(/cannot read file '\/proc\/\d+\/mem': .*EIO/);
  });

  test('a bad exclude list', () => {
    expect(() => fp(tree(), { exclude: [''] })).toThrow('exclude must be a list of non-empty glob patterns');
  });
});
