import { nearest } from '../../src/names/nearest-name';

const COMMANDS = ['check', 'diff', 'graph', 'fingerprint', 'registry', 'audit'];

test.each([
  ['chekc', 'check'],
  ['audti', 'audit'],
  ['grpah', 'graph'],
  ['cehck', 'check'],
  ['chek', 'check'],
  ['dif', 'diff'],
  ['fingerprnit', 'fingerprint'],
])('%s: a transposed, missing or wrong letter suggests %s', (typo, meant) => {
  expect(nearest(typo, COMMANDS)).toBe(meant);
});

test.each(['deploy', 'x', 'checkout-all'])('%s: nothing near enough is suggested', given => {
  expect(nearest(given, COMMANDS)).toBeUndefined();
});
