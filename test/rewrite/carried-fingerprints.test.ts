import { carriesFingerprints } from '../../src/rewrite/carried-fingerprints';

describe('carriesFingerprints', () => {
  const layers = ['3f9a1c2b4d5e', '0f1e2d3c4b5a'];

  test('a description ending in the marker of exactly these layers, in layer order', () => {
    expect(carriesFingerprints({ Description: 'Orders API [layer-sync 3f9a1c2b4d5e 0f1e2d3c4b5a]' }, layers)).toBe(true);
    expect(carriesFingerprints({ Description: 'Orders API [layer-sync 0f1e2d3c4b5a 3f9a1c2b4d5e]' }, layers)).toBe(false);
    expect(carriesFingerprints({ Description: 'Orders API [layer-sync 3f9a1c2b4d5e]' }, layers)).toBe(false);
    expect(carriesFingerprints({ Description: 'Orders API' }, layers)).toBe(false);
  });

  test('an environment variable holding them, whatever its name', () => {
    expect(carriesFingerprints({ Environment: { Variables: { SHARED_LAYERS: '3f9a1c2b4d5e,0f1e2d3c4b5a' } } }, layers)).toBe(true);
    expect(carriesFingerprints({ Environment: { Variables: { SHARED_LAYERS: '3f9a1c2b4d5e' } } }, layers)).toBe(false);
  });

  test('nothing rendered carries nothing', () => {
    expect(carriesFingerprints({}, layers)).toBe(false);
  });
});
