import type { Hex } from 'viem';
import { edgeSlot, type CoverageMap } from '../chain/CoverageMap.js';
import type { TestChain } from '../chain/TestChain.js';
import { metadataLength } from '../compile/metadataLength.js';
import { edgeIdOf } from '../chain/edgeIdOf.js';

export interface BranchSide {
  /** Where the side goes: the jump destination, or pc + 1 when the JUMPI falls through. */
  to: number;
  edge: number;
}

/** A JUMPI that ran, always the same way. */
export interface UnflippedBranch {
  address: Hex;
  pc: number;
  covered: BranchSide;
  missing: BranchSide;
}

const JUMPI = 0x57;
const PUSH1 = 0x60;
const PUSH32 = 0x7f;

/**
 * The JUMPIs of the contracts' codes that ran and only ever went one way. Only jumps
 * whose destination is pushed right before them are seen (how solc emits them); a code
 * that runs at two addresses is scanned once. In code order, so a campaign is deterministic.
 */
export async function findUnflippedBranches(chain: TestChain, coverage: CoverageMap, addresses: readonly Hex[]): Promise<UnflippedBranch[]> {
  const out: UnflippedBranch[] = [];
  const seen = new Set<Uint8Array>();
  for (const address of addresses) {
    const code = await chain.getCode(address);
    if (seen.has(code) || coverage.instructionsRun(code) === undefined) continue;
    seen.add(code);
    const c = coverage.forCode(code);
    const end = code.length - metadataLength(code);
    let pushed: number | undefined;
    for (let pc = 0; pc < end; pc++) {
      const op = code[pc]!;
      if (op === JUMPI && pushed !== undefined && c.instructions[pc] === 1) {
        const taken = edgeSlot(pc, pushed, c.mask);
        const fall = edgeSlot(pc, pc + 1, c.mask);
        const sides = [{ to: pushed, slot: taken }, { to: pc + 1, slot: fall }];
        const ran = sides.filter((s) => c.edges[s.slot]! > 0);
        if (taken !== fall && ran.length === 1) {
          const [covered, missing] = ran[0] === sides[0] ? [sides[0]!, sides[1]!] : [sides[1]!, sides[0]!];
          out.push({ address, pc, covered: { to: covered.to, edge: edgeIdOf(c, covered.slot) }, missing: { to: missing.to, edge: edgeIdOf(c, missing.slot) } });
        }
      }
      pushed = undefined;
      if (op >= PUSH1 && op <= PUSH32) {
        const n = op - PUSH1 + 1;
        let v = 0;
        for (let k = 1; k <= n && pc + k < code.length; k++) v = v * 256 + code[pc + k]!;
        if (n <= 4) pushed = v;
        pc += n;
      }
    }
  }
  return out;
}
