import { createHash } from 'crypto';
import { sha256Hex, shortFingerprint, stableStringify } from '../../src/fingerprint/digest';

describe('stableStringify', () => {
  test('sorts keys at every depth, keeps array order', () => {
    expect(stableStringify({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }))
      .toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });
  test('equal objects built in different key orders give equal text', () => {
    expect(stableStringify({ x: 1, y: 2 })).toBe(stableStringify({ y: 2, x: 1 }));
  });
});

test('sha256Hex is SHA-256 in hex', () => {
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

describe('shortFingerprint', () => {
  test('a hex fingerprint keeps its first 12 characters', () => {
    expect(shortFingerprint('0123456789abcdef0123')).toBe('0123456789ab');
  });
  test('any other fingerprint becomes 12 hex characters of its SHA-256', () => {
    const expected = createHash('sha256').update('v1.2.3').digest('hex').slice(0, 12);
    expect(shortFingerprint('v1.2.3')).toBe(expected);
    expect(shortFingerprint('ABCDEF0123456789')).toMatch(/^[0-9a-f]{12}$/);
  });
});
