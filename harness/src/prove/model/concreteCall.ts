import { bytesToHex, type Hex } from 'viem';
import type { SymbolicCall } from '../explore/types.js';
import type { Z3Model } from '../word/Word.js';
import { evalCells, evalWord } from './evalWord.js';

export interface ConcreteCall {
  from: Hex;
  to: Hex;
  data: Hex;
  value: bigint;
}

export function toAddressHex(x: bigint): Hex {
  return `0x${(x & ((1n << 160n) - 1n)).toString(16).padStart(40, '0')}` as Hex;
}

/** The transaction a model picks for a symbolic call (raw calldata, so any byte string survives). */
export function concreteCall(model: Z3Model, call: SymbolicCall): ConcreteCall {
  return {
    from: toAddressHex(evalWord(model, call.from)),
    to: toAddressHex(call.to),
    data: bytesToHex(evalCells(model, call.calldata)),
    value: evalWord(model, call.value),
  };
}
