import { dirname, join } from 'node:path';
import { hexToBytes } from 'viem';
import { CHEATCODE_ADDRESS } from '../../cheats/cheatAddresses.js';
import { compileSources } from '../../compile/compileSources.js';
import { metadataLength } from '../../compile/metadataLength.js';
import type { EndPath } from '../explore/types.js';
import type { ContractInput, WorldInput } from '../state/createSymbolicState.js';

const SOURCE = join(import.meta.dirname, 'SymbolicVm.sol');
export const CHEAT = BigInt(CHEATCODE_ADDRESS);

export type VmMode = 'revert' | 'strict';

export interface SymbolicVmCode {
  revert: Uint8Array;
  strict: Uint8Array;
  /** Where the fallback's CALLCODE sits in the revert model: an unknown path there is an unmodelled cheatcode. */
  unmodelledPc: number;
}

const codes = new Map<string, Promise<SymbolicVmCode>>();

/** The runtime code of both models of the cheatcode account (compiled once, cached on disk). */
export function symbolicVmCode(cacheDir?: string): Promise<SymbolicVmCode> {
  const key = cacheDir ?? '';
  let p = codes.get(key);
  if (p === undefined) {
    p = (async () => {
      const out = await compileSources({ root: dirname(SOURCE), files: [SOURCE], ...(cacheDir ? { cacheDir } : {}) });
      const code = (name: string) => {
        const a = out.artifacts.find((x) => x.name === name);
        if (a === undefined) throw new Error(`internal: ${name} missing from SymbolicVm.sol's output`);
        return hexToBytes(a.deployedBytecode);
      };
      const revert = code('SymbolicVm');
      return { revert, strict: code('SymbolicVmStrict'), unmodelledPc: opcodePc(revert, 0xf2) };
    })();
    codes.set(key, p);
    p.catch(() => codes.delete(key));
  }
  return p;
}

/** `world` with the cheatcode account's model in place of its real (host-run) code. */
export function withSymbolicVm(world: WorldInput, code: Uint8Array): WorldInput {
  const vm: ContractInput = { address: CHEAT, code, storage: new Map() };
  return { ...world, contracts: [...world.contracts.filter((c) => c.address !== CHEAT), vm] };
}

/**
 * What an unknown path that ended inside the cheatcode model means: a failed `vm.assert*`
 * under the strict model, or a cheatcode the prover does not model. Undefined otherwise.
 */
export function cheatEnd(end: EndPath): 'assert-failed' | 'unmodelled' | undefined {
  if (end.status !== 'unknown' || end.address !== CHEAT) return undefined;
  if (/precompile 0x4\b/.test(end.reason ?? '')) return 'assert-failed';
  if (/CALLCODE/.test(end.reason ?? '')) return 'unmodelled';
  return undefined;
}

export const UNMODELLED_CHEAT = 'calls a cheatcode the prover does not model (only vm.assert* and vm.assume are; vm.prank, vm.warp, vm.deal … are not)';

/** The unknown reasons of runBounded / runInductive, with the model's own wording replaced by what it means. */
export function explainCheatReason(reason: string, vm: SymbolicVmCode): string {
  return reason.split(`unsupported: CALLCODE at pc ${vm.unmodelledPc} is not modelled`).join(UNMODELLED_CHEAT);
}

/** The pc of the only `op` instruction of `code` (PUSH data skipped). */
function opcodePc(code: Uint8Array, op: number): number {
  const found: number[] = [];
  for (let pc = 0; pc < code.length - metadataLength(code); pc++) {
    const b = code[pc]!;
    if (b === op) found.push(pc);
    if (b >= 0x60 && b <= 0x7f) pc += b - 0x5f;
  }
  if (found.length !== 1) throw new Error(`internal: SymbolicVm has ${found.length} instructions 0x${op.toString(16)}, expected one`);
  return found[0]!;
}
