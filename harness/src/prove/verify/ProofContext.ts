import type { SpecSession } from '../../campaign/SpecSession.js';
import type { SevmOptions } from '../exec/SevmOptions.js';
import type { SymbolicEvm } from '../explore/SymbolicEvm.js';
import type { WorldInput } from '../state/createSymbolicState.js';
import type { Ctx } from '../word/Word.js';
import type { ProveBounds, VerifyContract } from './types.js';

/** Everything the bounded and inductive procedures share for one spec. */
export interface ProofContext {
  ctx: Ctx;
  sevm: SymbolicEvm;
  session: SpecSession;
  world: WorldInput;
  contracts: ReadonlyMap<string, VerifyContract>;
  bounds: ProveBounds;
  sevmOptions: Partial<SevmOptions>;
  reportPath: string;
  startedAt: number;
}

export function sevmOptionsFor(bounds: ProveBounds): Partial<SevmOptions> {
  return { loopBound: bounds.loopBound, timeoutMs: bounds.timeoutMs, solverTimeoutMs: Math.min(bounds.timeoutMs, 10_000) };
}
