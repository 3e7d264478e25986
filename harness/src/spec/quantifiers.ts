/**
 * Quantifiers over actors, holders or mapping keys. Each evaluates its callback for
 * every item one after another (never in parallel: calls on the chain are serial anyway,
 * and order keeps runs deterministic). The same text is read by the prover.
 */
export async function sum<T>(items: readonly T[], term: (item: T) => bigint | Promise<bigint>): Promise<bigint> {
  let total = 0n;
  for (const item of items) total += await term(item);
  return total;
}

export async function forall<T>(items: readonly T[], holds: (item: T) => boolean | Promise<boolean>): Promise<boolean> {
  for (const item of items) if (!(await holds(item))) return false;
  return true;
}

export async function exists<T>(items: readonly T[], holds: (item: T) => boolean | Promise<boolean>): Promise<boolean> {
  for (const item of items) if (await holds(item)) return true;
  return false;
}

/** Logical implication: `a → b`. */
export function implies(a: boolean, b: boolean): boolean {
  return !a || b;
}
