import type { TargetFunction } from './TargetFunction.js';
import { matchesPattern } from './selectTargets.js';

/** Whether a property with this `on` is checked after a call to `target` (no `on`: after every call). */
export function propertyApplies(on: string | readonly string[] | undefined, target: TargetFunction): boolean {
  if (on === undefined) return true;
  const patterns = typeof on === 'string' ? [on] : on;
  return patterns.some((p) => matchesPattern(p, target.contract.key, target.fn, target.signature));
}
