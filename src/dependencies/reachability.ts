/** True when `to` can be reached from `from` by following `next`, in one step or more. */
export function reaches<T>(from: T, to: T, next: (node: T) => readonly T[]): boolean {
  const seen = new Set<T>();
  const pending = [from];
  while (pending.length > 0) {
    for (const neighbour of next(pending.pop()!)) {
      if (neighbour === to) {
        return true;
      }
      if (!seen.has(neighbour)) {
        seen.add(neighbour);
        pending.push(neighbour);
      }
    }
  }
  return false;
}
