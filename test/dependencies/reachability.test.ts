import { reaches } from '../../src/dependencies/reachability';

const graph: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a'], d: [] };
const next = (node: string) => graph[node];

describe('reaches', () => {
  test('follows edges transitively', () => {
    expect(reaches('a', 'c', next)).toBe(true);
  });

  test('is false when no path leads there', () => {
    expect(reaches('a', 'd', next)).toBe(false);
    expect(reaches('d', 'a', next)).toBe(false);
  });

  test('terminates on cycles and finds a node through its own cycle', () => {
    expect(reaches('a', 'a', next)).toBe(true);
  });
});
