import { hexToBytes, type Hex } from 'viem';
import { metadataLength } from '../compile/metadataLength.js';

const MAX_VALUES = 4096;
const MAX_ADDRESSES = 256;

/**
 * Values worth trying again: PUSH constants of the targets' bytecode (and their
 * neighbours, for off-by-one guards) and words seen at run time in return data, event
 * data and storage. Insertion order is kept, so a run with a given seed is reproducible.
 */
export class Dictionary {
  readonly values: bigint[] = [];
  /**
   * The targets' own PUSH constants (and neighbours), kept apart: run-time values and learnt
   * comparison operands can fill `values`, and these must stay a fixed share of the draws.
   */
  readonly constants: bigint[] = [];
  readonly addresses: Hex[] = [];
  private readonly seenConstants = new Set<bigint>();
  private readonly seenValues = new Set<bigint>();
  private readonly seenAddresses = new Set<string>();

  addValue(v: bigint): void {
    if (v < 0n || this.seenValues.has(v) || this.values.length >= MAX_VALUES) return;
    this.seenValues.add(v);
    this.values.push(v);
  }

  addAddress(a: Hex): void {
    const lower = a.toLowerCase();
    if (this.seenAddresses.has(lower) || this.addresses.length >= MAX_ADDRESSES) return;
    this.seenAddresses.add(lower);
    this.addresses.push(lower as Hex);
  }

  /**
   * PUSH1..PUSH32 operands of a runtime code, with v-1 and v+1. The metadata trailer is left
   * out: read as instructions it yields "constants" that change with where the sources live.
   */
  addBytecodeConstants(code: Hex): void {
    const all = hexToBytes(code);
    const bytes = all.subarray(0, all.length - metadataLength(all));
    for (let pc = 0; pc < bytes.length; pc++) {
      const op = bytes[pc]!;
      if (op < 0x60 || op > 0x7f) continue;
      const n = op - 0x5f;
      let v = 0n;
      for (let k = 1; k <= n && pc + k < bytes.length; k++) v = (v << 8n) | BigInt(bytes[pc + k]!);
      pc += n;
      // A constant pushed right before a jump is a code offset, not a value any guard compares with.
      const next = bytes[pc + 1];
      if (next === 0x56 || next === 0x57) continue;
      for (const w of v > 0n ? [v, v - 1n, v + 1n] : [v, v + 1n]) {
        this.addValue(w);
        if (this.constants.length < MAX_VALUES && !this.seenConstants.has(w)) {
          this.seenConstants.add(w);
          this.constants.push(w);
        }
      }
      if (n === 20 && v > 0xffffn) this.addAddress(`0x${v.toString(16).padStart(40, '0')}` as Hex);
    }
  }

  /** Every 32-byte word of some ABI-encoded data; small words that look like addresses go to both lists. */
  addWords(data: Hex, limit = 16): void {
    const hex = data.slice(2);
    for (let i = 0, n = 0; i + 64 <= hex.length && n < limit; i += 64, n++) this.addWord(BigInt(`0x${hex.slice(i, i + 64)}`));
  }

  addWord(v: bigint): void {
    this.addValue(v);
    if (v > 0xffffn && v < 1n << 160n) this.addAddress(`0x${v.toString(16).padStart(40, '0')}` as Hex);
  }
}
