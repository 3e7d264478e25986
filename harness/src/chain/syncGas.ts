import { EVMError } from '@ethereumjs/evm';
import type { CommonLike, EvmInternals, RunState } from './evmInternals.js';

export type GasFn = (rs: RunState, gas: bigint, common: CommonLike) => bigint;

/**
 * Synchronous twins of @ethereumjs/evm's dynamic gas functions for the opcodes that
 * only touch memory (and EXP). The library declares every gas function `async`, so
 * each MSTORE, MLOAD, KECCAK256, RETURN or LOG costs the interpreter several promise
 * hops; with these the batch loop in evmPatches runs them inline. Each follows the
 * library's function of the same opcode line by line (reading the same params, in the
 * same order, with the same traps), using its own subMemUsage and divCeil.
 */
export function syncGasFunctions(lib: EvmInternals): Map<number, GasFn> {
  const { subMemUsage, divCeil, trap } = lib;
  const copyGas: GasFn = (rs, gas, common) => {
    const [memOffset, , length] = rs.stack.peek(3) as [bigint, bigint, bigint];
    gas += subMemUsage(rs, memOffset, length, common);
    if (length !== 0n) gas += common.param('copyGas') * divCeil(length, 32n);
    return gas;
  };
  const memRange: GasFn = (rs, gas, common) => {
    const [offset, length] = rs.stack.peek(2) as [bigint, bigint];
    return gas + subMemUsage(rs, offset, length, common);
  };
  const word = (size: bigint): GasFn => (rs, gas, common) => gas + subMemUsage(rs, rs.stack.peek(1)[0]!, size, common);
  const log: GasFn = (rs, gas, common) => {
    if (rs.interpreter.isStatic()) trap(EVMError.errorMessages.STATIC_STATE_CHANGE);
    const [offset, length] = rs.stack.peek(2) as [bigint, bigint];
    const topics = rs.opCode - 0xa0;
    if (topics < 0 || topics > 4) trap(EVMError.errorMessages.OUT_OF_RANGE);
    gas += subMemUsage(rs, offset, length, common);
    return gas + common.param('logTopicGas') * BigInt(topics) + length * common.param('logDataGas');
  };
  const fns = new Map<number, GasFn>([
    [0x0a, (rs, gas, common) => {
      const exponent = rs.stack.peek(2)[1]!;
      if (exponent === 0n) return gas;
      let bytes = exponent.toString(2).length / 8;
      if (bytes > Math.trunc(bytes)) bytes = Math.trunc(bytes) + 1;
      if (bytes < 1 || bytes > 32) trap(EVMError.errorMessages.OUT_OF_RANGE);
      return gas + BigInt(bytes) * common.param('expByteGas');
    }],
    [0x20, (rs, gas, common) => {
      const [offset, length] = rs.stack.peek(2) as [bigint, bigint];
      gas += subMemUsage(rs, offset, length, common);
      return gas + common.param('keccak256WordGas') * divCeil(length, 32n);
    }],
    [0x37, copyGas],
    // CODECOPY also charges code-chunk access under EIP-6800/7864; installed only without them.
    [0x39, copyGas],
    [0x3e, (rs, gas, common) => {
      const [, offset, length] = rs.stack.peek(3) as [bigint, bigint, bigint];
      if (offset + length > rs.interpreter.getReturnDataSize() && rs.env.eof === undefined) trap(EVMError.errorMessages.OUT_OF_GAS);
      return copyGas(rs, gas, common);
    }],
    [0x51, word(32n)],
    [0x52, word(32n)],
    [0x53, word(1n)],
    [0x5e, (rs, gas, common) => {
      const [dst, src, length] = rs.stack.peek(3) as [bigint, bigint, bigint];
      gas += 3n * ((length + 31n) / 32n);
      gas += subMemUsage(rs, src, length, common);
      return gas + subMemUsage(rs, dst, length, common);
    }],
    [0xa0, log],
    [0xf3, memRange],
    [0xfd, memRange],
  ]);
  return fns;
}
