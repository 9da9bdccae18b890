import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { registryCommand } from '../../src/cli/registry-command';
import { refreshCommand } from '../../src/findings/stale-registry-entry';
import { readRegistryFile, writeRegistryFile } from '../../src/registry/registry-file';
import { checkStaleness } from '../../src/registry/stale-entries';

/** GIVEN a working directory with a layer source: `python/shared.py` and a `notes.txt` that teams exclude. */
function workspace() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-add-'));
  const dir = path.join(root, 'layers', 'tools');
  fs.mkdirSync(path.join(dir, 'python'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'python', 'shared.py'), 'VALUE = 1\n');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'draft\n');
  return { root, dir, lock: path.join(root, 'layers.lock.json') };
}

/** Run `registry add` in `cwd`, as the CLI does, and return the entry it left for the parameter. */
function add(cwd: string, args: string[]) {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    registryCommand(['add', ...args], () => undefined);
    return readRegistryFile(args[0]).find(e => e.parameterName === args[args.indexOf('--parameter') + 1])!;
  } finally {
    process.chdir(before);
  }
}

describe('registry add on an existing entry', () => {
  test('keeps the fields it is not given (producer, layerName, exclude), and fingerprints with the stored exclude', () => {
    const { root, dir, lock } = workspace();
    writeRegistryFile(lock, [{
      parameterName: '/tools', fingerprint: 'old', producer: 'PlatformLayers/Tools', layerName: 'tools', exclude: ['notes.txt'],
    }]);
    const first = add(root, [lock, '--parameter', '/tools', '--dir', dir]);
    expect(first).toMatchObject({ producer: 'PlatformLayers/Tools', layerName: 'tools', exclude: ['notes.txt'], source: 'layers/tools' });
    expect(first.fingerprint).not.toBe('old');

    // The stored exclude is part of the fingerprint: an edit of the excluded file changes nothing.
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'final\n');
    expect(add(root, [lock, '--parameter', '/tools', '--dir', dir]).fingerprint).toBe(first.fingerprint);
    fs.writeFileSync(path.join(dir, 'python', 'shared.py'), 'VALUE = 2\n');
    expect(add(root, [lock, '--parameter', '/tools', '--dir', dir]).fingerprint).not.toBe(first.fingerprint);
  });

  test('replaces the fields it is given', () => {
    const { root, dir, lock } = workspace();
    writeRegistryFile(lock, [{ parameterName: '/tools', fingerprint: 'old', layerName: 'tools' }]);
    expect(add(root, [lock, '--parameter', '/tools', '--dir', dir, '--layer-name', 'tools-v2']).layerName).toBe('tools-v2');
  });

  test('keeps the other entries of the file', () => {
    const { root, dir, lock } = workspace();
    writeRegistryFile(lock, [{ parameterName: '/other', fingerprint: 'f1' }]);
    add(root, [lock, '--parameter', '/tools', '--dir', dir]);
    expect(readRegistryFile(lock).map(e => e.parameterName)).toEqual(['/other', '/tools']);
  });
});

describe('registry add --follow-symlinks', () => {
  /** A layer source whose module is a symbolic link to a file outside it. */
  function linkedWorkspace() {
    const space = workspace();
    const outside = path.join(space.root, 'vendored.py');
    fs.writeFileSync(outside, 'VENDORED = 1\n');
    fs.symlinkSync(outside, path.join(space.dir, 'python', 'vendored.py'));
    return { ...space, outside };
  }

  test('is stored in the entry and kept by a later add without the flag', () => {
    const { root, dir, lock } = linkedWorkspace();
    expect(add(root, [lock, '--parameter', '/tools', '--dir', dir, '--follow-symlinks']).followSymlinks).toBe(true);
    expect(add(root, [lock, '--parameter', '/tools', '--dir', dir]).followSymlinks).toBe(true);
  });

  test('the staleness check follows the links too: no false stale entry, a real change of the target is stale', () => {
    const { root, dir, lock, outside } = linkedWorkspace();
    const entry = add(root, [lock, '--parameter', '/tools', '--dir', dir, '--follow-symlinks']);
    const before = process.cwd();
    process.chdir(root);
    try {
      expect(checkStaleness(entry)).toBeUndefined();
      fs.writeFileSync(outside, 'VENDORED = 2\n');
      expect(checkStaleness(entry)?.current).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      process.chdir(before);
    }
  });

  test('the refresh command of a stale entry repeats every option it was made with', () => {
    const command = refreshCommand({
      entry: { parameterName: '/tools', fingerprint: 'f', source: 'layers/tools', layerName: 'tools', exclude: ['notes.txt'], followSymlinks: true },
      directory: '/abs/layers/tools',
    }, 'layers.lock.json');
    expect(command).toBe("npx cdk-layer-sync registry add layers.lock.json --parameter /tools --dir layers/tools --layer-name 'tools' "
      + "--exclude 'notes.txt' --follow-symlinks");
  });
});

describe('registry add with an account or region AWS would reject', () => {
  test.each([
    [['--account', '12'], 'account of \'/tools\': expected a 12-digit AWS account id, got "12"'],
    [['--region', 'eu-west'], 'region of \'/tools\': expected an AWS region name such as eu-west-1, got "eu-west"'],
    [['--parameter', '/tools//arn'], 'it has an empty level'],
  ])('%j exits 2 with one line naming the input, and writes no file', (extra, message) => {
    const { dir, lock } = workspace();
    const errors: string[] = [];
    const parameter = extra[0] === '--parameter' ? [] : ['--parameter', '/tools'];
    const args = ['registry', 'add', lock, ...parameter, '--dir', dir, ...extra];
    expect(main(args, () => undefined, line => errors.push(line))).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('cdk-layer-sync registry: ');
    expect(errors[0]).toContain(message);
    expect(fs.existsSync(lock)).toBe(false);
  });
});
