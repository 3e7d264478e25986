import type { SpecSession } from '../../campaign/SpecSession.js';
import { propertyApplies } from '../../fuzz/propertyApplies.js';
import type { CompiledCheck } from '../spec/CheckIR.js';
import { fromCompiledCheck } from './fromCompiledCheck.js';
import type { VerifyCheck } from './types.js';

/**
 * The provable checks of a spec as the procedures take them. A property applies to the
 * calls its `on` names in the loaded spec (the IR has `on` only when written literally).
 */
export function specChecks(session: SpecSession, compiled: readonly CompiledCheck[]): VerifyCheck[] {
  const deployer = BigInt(session.deployment.deployer);
  const props = (session.spec.properties ?? {}) as Record<string, { on?: string | readonly string[] }>;
  return compiled.flatMap((c) => {
    if (!c.provable) return [];
    if (c.kind === 'invariant') return [fromCompiledCheck(c.ir, deployer)];
    const on = props[c.name]?.on;
    return [fromCompiledCheck(c.ir, deployer, (target) => propertyApplies(on, target))];
  });
}
