import { mapConcurrently } from '../../src/audit/map-concurrently';

test('keeps the order of the items and never runs more than the limit at once', async () => {
  let running = 0;
  let most = 0;
  const result = await mapConcurrently([5, 1, 4, 2, 3, 0], 2, async (n) => {
    running++;
    most = Math.max(most, running);
    await new Promise(resolve => setTimeout(resolve, n));
    running--;
    return n * 10;
  });
  expect(result).toEqual([50, 10, 40, 20, 30, 0]);
  expect(most).toBe(2);
});

test('an empty list gives an empty result', async () => {
  expect(await mapConcurrently([], 4, async () => 1)).toEqual([]);
});
