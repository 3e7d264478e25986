import type { SpecSession } from '../../campaign/SpecSession.js';
import type { SymbolicEvm } from '../explore/SymbolicEvm.js';
import { readSetupWorld } from '../verify/initialState.js';
import { sevmOptionsFor, type ProofContext } from '../verify/ProofContext.js';
import type { ProveBounds, VerifyContract } from '../verify/types.js';
import type { Ctx } from '../word/Word.js';
import { withSymbolicVm, type SymbolicVmCode } from './symbolicVm.js';

/**
 * The proof context of a native suite: the spec one (set-up state, its contracts), with
 * the cheatcode account modelled (see SymbolicVm.sol) instead of code-less, where every
 * `vm.assertEq` would revert for want of code.
 */
export async function nativeProofContext(session: SpecSession, o: { ctx: Ctx; sevm: SymbolicEvm; bounds: ProveBounds; reportPath: string; vm: SymbolicVmCode }): Promise<ProofContext> {
  const contracts = new Map<string, VerifyContract>(session.deployment.contracts.map((c) => [c.key, { address: c.address, abi: c.abi }]));
  return {
    ctx: o.ctx, sevm: o.sevm, session, world: withSymbolicVm(await readSetupWorld(session), o.vm.revert), contracts,
    bounds: o.bounds, sevmOptions: sevmOptionsFor(o.bounds), reportPath: o.reportPath, startedAt: Date.now(),
  };
}
