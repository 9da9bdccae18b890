import { compareText } from '../../src/io/compare-text';

test('compareText orders by code units, not by locale', () => {
  expect(['b', 'a-b', 'C', 'a', 'a.b', 'é'].sort(compareText)).toEqual(['C', 'a', 'a-b', 'a.b', 'b', 'é']);
  expect(compareText('x', 'x')).toBe(0);
});
