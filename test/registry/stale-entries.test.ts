import * as fs from 'fs';
import * as path from 'path';
import { checkStaleness } from '../../src/registry/stale-entries';
import { layerSource } from '../helpers/apps';
import { LayerRegistry } from '../../src';

describe('checkStaleness', () => {
  test('a current entry is not stale; a changed source is', () => {
    const dir = layerSource();
    const registry = new LayerRegistry();
    registry.addDirectory('/a', dir);
    const [entry] = registry.entries;
    expect(checkStaleness(entry)).toBeUndefined();

    fs.appendFileSync(path.join(dir, 'python', 'shared.py'), 'MORE = 2\n');
    const stale = checkStaleness(entry)!;
    expect(stale.directory).toBe(dir);
    expect(stale.current).toMatch(/^[0-9a-f]{64}$/);
    expect(stale.current).not.toBe(entry.fingerprint);
  });

  test('the entry\'s own excludes are used', () => {
    const dir = layerSource();
    const registry = new LayerRegistry();
    registry.addDirectory('/a', dir, { exclude: ['**/*.md'] });
    fs.writeFileSync(path.join(dir, 'README.md'), 'docs');
    expect(checkStaleness(registry.entries[0])).toBeUndefined();
  });

  test('entries without a source, or whose source is not here, cannot be checked', () => {
    const registry = new LayerRegistry();
    registry.add('/a', 'f');
    registry.add('/b', 'f', { source: 'not/here' });
    expect(registry.entries.map(checkStaleness)).toEqual([undefined, undefined]);
  });

  test('a source that can no longer be fingerprinted is reported with the reason', () => {
    const dir = layerSource();
    const registry = new LayerRegistry();
    registry.addDirectory('/a', dir);
    fs.rmSync(path.join(dir, 'python'), { recursive: true });
    expect(checkStaleness(registry.entries[0])?.error).toMatch(/contains no files/);
  });
});
