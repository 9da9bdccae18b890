import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LayerRegistry } from '../../src';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cls-lock-'));
function writeJson(value: unknown): string {
  const file = path.join(tmp(), 'layers.lock.json');
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('LayerRegistry.writeFile', () => {
  test('writes sorted entries with sorted keys, two-space indent and a final newline', () => {
    const registry = new LayerRegistry();
    registry.add('/b', 'fb', { region: 'eu-west-1', account: '111111111111' });
    registry.add('/a', 'fa', { layerName: 'tools' });
    const file = path.join(tmp(), 'nested', 'layers.lock.json');
    registry.writeFile(file);

    expect(fs.readFileSync(file, 'utf-8')).toBe(`{
  "version": 1,
  "layers": [
    {
      "fingerprint": "fa",
      "layerName": "tools",
      "parameterName": "/a"
    },
    {
      "account": "111111111111",
      "fingerprint": "fb",
      "parameterName": "/b",
      "region": "eu-west-1"
    }
  ]
}
`);
  });

  test('round-trips through fromFile', () => {
    const registry = new LayerRegistry();
    registry.add('/a', 'fa', { account: '111111111111', region: 'eu-west-1', layerName: 'tools', producer: 'Layers/Tools' });
    registry.add('/b', 'fb');
    const file = path.join(tmp(), 'layers.lock.json');
    registry.writeFile(file);
    expect(LayerRegistry.fromFile(file).entries).toEqual(registry.entries);
  });

  test('writes source relative to the file, and reads it back relative to the working directory', () => {
    const root = tmp();
    const layerDir = path.join(root, 'layers', 'tools');
    fs.mkdirSync(layerDir, { recursive: true });
    fs.writeFileSync(path.join(layerDir, 'x.py'), 'X = 1\n');
    const registry = new LayerRegistry();
    registry.addDirectory('/tools', layerDir);
    const file = path.join(root, 'ci', 'layers.lock.json');
    registry.writeFile(file);

    expect(JSON.parse(fs.readFileSync(file, 'utf-8')).layers[0].source).toBe('../layers/tools');
    expect(path.resolve(LayerRegistry.fromFile(file).entries[0].source!)).toBe(layerDir);
  });

  test('writes atomically: no temporary file is left, and a failed write leaves the old file whole', () => {
    const dir = tmp();
    const file = path.join(dir, 'layers.lock.json');
    const registry = new LayerRegistry();
    registry.add('/a', 'fa');
    registry.writeFile(file);
    expect(fs.readdirSync(dir)).toEqual(['layers.lock.json']);

    const before = fs.readFileSync(file, 'utf-8');
    fs.mkdirSync(path.join(dir, 'blocker'));
    // Writing over a directory fails at the rename, after the temporary file was written.
    expect(() => registry.writeFile(path.join(dir, 'blocker'))).toThrow(/cannot write '.*blocker'/);
    expect(fs.readFileSync(file, 'utf-8')).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['blocker', 'layers.lock.json']);
  });
});

describe('LayerRegistry.fromFile: errors name the file, the entry and the field', () => {
  test.each([
    ['a missing file', null, /layer registry file '.*missing\.json' does not exist/],
    ['not JSON', '{ "version": 1, ', /layer registry file '.*' is not valid JSON/],
    ['not an object', '[]', /expected an object \{ "version": 1, "layers": \[\.\.\.\] \}, got \[\]/],
    ['an unknown version', { version: 2, layers: [] }, /unknown version 2; this cdk-layer-sync reads version 1/],
    ['layers not a list', { version: 1, layers: {} }, /"layers" must be a list/],
    ['a missing fingerprint', { version: 1, layers: [{ parameterName: '/a' }] }, /layers\[0\] \(parameterName '\/a'\): fingerprint is missing/],
    ['a missing parameterName', { version: 1, layers: [{ fingerprint: 'f' }] }, /layers\[0\]: parameterName is missing/],
    ['a bad parameterName', { version: 1, layers: [{ parameterName: 'a b', fingerprint: 'f' }] }, /layers\[0\] \(parameterName 'a b'\): parameterName: expected an SSM parameter name/],
    ['an unknown field', { version: 1, layers: [{ parameterName: '/a', fingerprint: 'f', fingerprnt: 'x' }] }, /layers\[0\] \(parameterName '\/a'\): unknown field 'fingerprnt'/],
    ['a field of the wrong type', { version: 1, layers: [{ parameterName: '/a', fingerprint: 'f', region: 3 }] }, /region must be a non-empty string, got 3/],
    ['an account that is not 12 digits', { version: 1, layers: [{ parameterName: '/a', fingerprint: 'f', account: '12' }] },
      /layers\[0\] \(parameterName '\/a'\): account: expected a 12-digit AWS account id, got "12"/],
    ['a malformed region', { version: 1, layers: [{ parameterName: '/a', fingerprint: 'f', region: 'eu-west' }] },
      /layers\[0\] \(parameterName '\/a'\): region: expected an AWS region name such as eu-west-1, got "eu-west"/],
    ['a parameter name with an empty level', { version: 1, layers: [{ parameterName: '/a//b', fingerprint: 'f' }] },
      /parameterName: expected an SSM parameter name .*: it has an empty level/],
    ['followSymlinks not a boolean', { version: 1, layers: [{ parameterName: '/a', fingerprint: 'f', followSymlinks: 'yes' }] },
      /followSymlinks must be true or false, got "yes"/],
    ['a duplicate key', { version: 1, layers: [
      { parameterName: '/a', fingerprint: 'f', region: 'eu-west-1' },
      { parameterName: '/b', fingerprint: 'f' },
      { parameterName: '/a', fingerprint: 'g', region: 'eu-west-1' },
    ] }, /layers\[2\] \(parameterName '\/a'\): duplicates layers\[0\]: the same parameterName, account and region/],
  ])('%s', (_what, content, message) => {
    const file = content === null ? path.join(tmp(), 'missing.json') : writeJson(content);
    expect(() => LayerRegistry.fromFile(file)).toThrow(message);
    if (content !== null) {
      expect(() => LayerRegistry.fromFile(file)).toThrow(file);
    }
  });

  test('the same name in two regions is not a duplicate', () => {
    const file = writeJson({ version: 1, layers: [
      { parameterName: '/a', fingerprint: 'f', region: 'eu-west-1' },
      { parameterName: '/a', fingerprint: 'g', region: 'us-east-1' },
    ] });
    expect(LayerRegistry.fromFile(file).lookup('/a', undefined, 'us-east-1')).toBe('g');
  });
});
