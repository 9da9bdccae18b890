import { LayerRegistry } from '../../src';

describe('LayerRegistry', () => {
  test('lookup finds an entry by parameter name', () => {
    const registry = new LayerRegistry();
    registry.add('/layers/a', 'f1');
    expect(registry.lookup('/layers/a')).toBe('f1');
    expect(registry.lookup('/layers/b')).toBeUndefined();
  });

  test('entries are keyed by parameter name, account and region', () => {
    const registry = new LayerRegistry();
    registry.add('/layers/a', 'eu', { account: '111111111111', region: 'eu-west-1' });
    registry.add('/layers/a', 'us', { account: '111111111111', region: 'us-east-1' });
    expect(registry.lookup('/layers/a', '111111111111', 'eu-west-1')).toBe('eu');
    expect(registry.lookup('/layers/a', '111111111111', 'us-east-1')).toBe('us');
    expect(registry.lookup('/layers/a', '222222222222', 'eu-west-1')).toBeUndefined();
    expect(registry.lookup('/layers/a')).toBeUndefined();
  });

  test('adding the same key again replaces the entry', () => {
    const registry = new LayerRegistry();
    registry.add('/layers/a', 'old', { layerName: 'tools' });
    registry.add('/layers/a', 'new');
    expect(registry.entries).toEqual([{ parameterName: '/layers/a', fingerprint: 'new' }]);
  });

  test('entries come sorted', () => {
    const registry = new LayerRegistry();
    registry.add('/b', 'x');
    registry.add('/a', 'y', { region: 'us-east-1' });
    registry.add('/a', 'z');
    expect(registry.entries.map(e => [e.parameterName, e.region])).toEqual([['/a', undefined], ['/a', 'us-east-1'], ['/b', undefined]]);
  });

  test('bad input is refused with the input named', () => {
    const registry = new LayerRegistry();
    expect(() => registry.add('bad name', 'f')).toThrow(/parameterName: expected an SSM parameter name.*"bad name"/);
    expect(() => registry.add('/a', '')).toThrow(/fingerprint of '\/a'/);
  });
});

test('fromFile with something that is not a path says what it expected', () => {
  expect(() => LayerRegistry.fromFile(42 as unknown as string)).toThrow('LayerRegistry.fromFile: expected the path of a lock file, got 42');
  expect(() => LayerRegistry.fromFile('')).toThrow('LayerRegistry.fromFile: expected the path of a lock file, got ""');
});

test('add refuses what every lock file reader refuses: an empty layerName, source or producer', () => {
  for (const field of ['layerName', 'source', 'producer']) {
    expect(() => new LayerRegistry().add('/tools', 'f'.repeat(64), { [field]: '' }))
      .toThrow(`${field} of '/tools': expected a non-empty string, or nothing, got ""`);
  }
});
