import { keccak_256 } from '@noble/hashes/sha3.js';
import type { CommonLike, EvmInternals, RunState } from './evmInternals.js';
import type { JournalState } from './JournalState.js';
import { syncGasFunctions, type GasFn } from './syncGas.js';
import { syncStorageOps } from './syncStorage.js';
import { bytesToBigInt, wordBytes, writeWord } from './words.js';

export interface OpcodeEntry {
  opcodeInfo: { code: number; dynamicGas: boolean; isAsync: boolean; isInvalid: boolean };
  opHandler: (rs: RunState, common: CommonLike) => unknown;
  gasHandler?: GasFn | ((rs: RunState, gas: bigint, common: CommonLike) => Promise<bigint>);
  /** Set here: gas and handler both synchronous, so the batch loop may run it inline. */
  vigilSync?: boolean;
}

/**
 * Opcodes whose handlers the library marks async but which are plain functions reading
 * the environment (ADDRESS … GASLIMIT, CHAINID … BLOBBASEFEE, RETURNDATASIZE, CODESIZE).
 */
const SYNC_ENV_OPS = [0x30, 0x32, 0x33, 0x34, 0x35, 0x36, 0x38, 0x3a, 0x3d, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a];

/** EIPs under which storage, code or gas go through witnesses, access lists or state gas. */
const STATEFUL_EIPS = [3540, 6800, 7864, 7928, 8037, 8038];

/**
 * Installs faster, equivalent opcode functions on one EVM's opcode table and marks the
 * entries the synchronous batch loop (evmPatches.runBatch) may run inline.
 *
 * The EVM turns every word it stores in memory or uses as a storage key into 32 bytes
 * with `setLengthLeft(bigIntToBytes(x), 32)`, through a hex string and an array spread,
 * and reads words back through hex too; these handlers use a DataView instead.
 * Every gas function is async in the library, which costs several promise hops per
 * MSTORE or RETURN; syncGas and syncStorage hold synchronous twins. On forks with
 * witness, access-list or state-gas rules only the word encodings change.
 */
export function installFastOpcodes(
  opcodeMap: (OpcodeEntry | undefined)[],
  common: CommonLike & { customCrypto: { keccak256?: (data: Uint8Array) => Uint8Array } },
  lib: EvmInternals,
  state: JournalState,
): void {
  const plainFork = !STATEFUL_EIPS.some((eip) => common.isActivatedEIP(eip));
  installWordHandlers(opcodeMap, common.customCrypto.keccak256 ?? keccak_256);
  for (const entry of opcodeMap) {
    if (entry !== undefined) entry.vigilSync = !entry.opcodeInfo.isInvalid && !entry.opcodeInfo.dynamicGas && !entry.opcodeInfo.isAsync;
  }
  if (!plainFork) return;
  installPush(opcodeMap);
  for (const op of SYNC_ENV_OPS) {
    const entry = opcodeMap[op];
    if (entry === undefined || entry.opcodeInfo.isInvalid || entry.opcodeInfo.dynamicGas || entry.opcodeInfo.code !== op) continue;
    if (!isAsyncFunction(entry.opHandler)) entry.vigilSync = true;
  }
  const gasFns = syncGasFunctions(lib);
  for (const [op, fn] of gasFns) {
    const ops = op === 0xa0 ? [0xa0, 0xa1, 0xa2, 0xa3, 0xa4] : [op];
    for (const code of ops) {
      const entry = opcodeMap[code];
      if (entry === undefined || entry.opcodeInfo.isInvalid || entry.gasHandler === undefined) continue;
      if (entry.opcodeInfo.code !== code || isAsyncFunction(entry.opHandler)) continue;
      entry.gasHandler = fn;
      entry.vigilSync = true;
    }
  }
  if (common.gteHardfork('istanbul') && common.isActivatedEIP(2929)) {
    const { sload, sstore } = syncStorageOps(lib, state);
    for (const [code, op] of [[0x54, sload], [0x55, sstore]] as const) {
      const entry = opcodeMap[code];
      if (entry === undefined || entry.opcodeInfo.isInvalid || entry.opcodeInfo.code !== code) continue;
      entry.gasHandler = op.gas;
      entry.opHandler = op.handler;
      entry.vigilSync = true;
    }
  }
}

/** Handlers that differ from the library's only in how they turn words into bytes and back. */
function installWordHandlers(opcodeMap: (OpcodeEntry | undefined)[], keccak: (data: Uint8Array) => Uint8Array): void {
  const scratch = new Uint8Array(32);
  const view = new DataView(scratch.buffer);
  const set = (code: number, handler: OpcodeEntry['opHandler']) => {
    const entry = opcodeMap[code];
    if (entry !== undefined && entry.opcodeInfo.code === code && !entry.opcodeInfo.isInvalid) entry.opHandler = handler;
  };
  set(0x52, (rs) => {
    const [offset, word] = rs.stack.popN(2) as [bigint, bigint];
    writeWord(view, word);
    rs.memory.write(Number(offset), 32, scratch);
  });
  set(0x51, (rs) => {
    const word = rs.memory.read(Number(rs.stack.pop()), 32, true);
    rs.stack.push(readWord(word));
  });
  set(0x20, (rs) => {
    const [offset, length] = rs.stack.popN(2) as [bigint, bigint];
    // A view, not a copy: the hash is computed before anything can write memory again.
    const data = length === 0n ? new Uint8Array(0) : rs.memory.read(Number(offset), Number(length), true);
    rs.stack.push(bytesToBigInt(keccak(data)));
  });
  set(0x35, (rs) => {
    const pos = rs.stack.pop();
    const data = (rs.interpreter as unknown as { getCallData(): Uint8Array }).getCallData();
    if (pos > BigInt(data.length)) {
      rs.stack.push(0n);
      return;
    }
    const i = Number(pos);
    if (i + 32 <= data.length) {
      rs.stack.push(bytesToBigInt(data.subarray(i, i + 32)));
      return;
    }
    // Past the end the word is right-padded with zeros, as the library pads it.
    const padded = new Uint8Array(32);
    padded.set(data.subarray(i));
    rs.stack.push(bytesToBigInt(padded));
  });
  set(0x54, async (rs) => {
    const value = await rs.interpreter.storageLoad(wordBytes(rs.stack.pop()));
    rs.stack.push(value.length === 0 ? 0n : bytesToBigInt(value));
  });
  for (let code = 0xa0; code <= 0xa4; code++) {
    set(code, (rs) => {
      const [offset, length] = rs.stack.popN(2) as [bigint, bigint];
      const count = rs.opCode - 0xa0;
      const topics = rs.stack.popN(count).map(wordBytes);
      const data = length === 0n ? new Uint8Array(0) : rs.memory.read(Number(offset), Number(length));
      rs.interpreter.log(data, count, topics);
    });
  }
}

/**
 * PUSH1-32: the library's handler first asks Common twice whether code-chunk witnesses
 * (EIP-6800/7864) apply, on every PUSH. They never do on the forks this is installed
 * for, so this takes the pre-decoded immediate straight away once jump analysis has
 * run, and leaves the rest to the library's handler.
 */
function installPush(opcodeMap: (OpcodeEntry | undefined)[]): void {
  for (let code = 0x60; code <= 0x7f; code++) {
    const entry = opcodeMap[code];
    if (entry === undefined || entry.opcodeInfo.code !== code || entry.opcodeInfo.isInvalid) continue;
    const library = entry.opHandler;
    const size = code - 0x5f;
    entry.opHandler = (rs, common) => {
      const state = rs as RunState & { shouldDoJumpAnalysis: boolean; cachedPushes: Record<number, bigint> };
      if (state.shouldDoJumpAnalysis) return library(rs, common);
      rs.stack.push(state.cachedPushes[rs.programCounter]!);
      rs.programCounter += size;
    };
  }
}

/** 32 bytes of frame memory (whose buffer is off the V8 heap already) as a word. */
function readWord(bytes: Uint8Array): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, 32);
  return (view.getBigUint64(0) << 192n) | (view.getBigUint64(8) << 128n) | (view.getBigUint64(16) << 64n) | view.getBigUint64(24);
}

function isAsyncFunction(fn: unknown): boolean {
  return typeof fn === 'function' && fn.constructor.name === 'AsyncFunction';
}
