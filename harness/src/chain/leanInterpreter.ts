import type { EvmInternals } from './evmInternals.js';

const FRAME_MEMORY = 8192;
const POOL_LIMIT = 64;
/** Each EVM keeps its own pool of frame buffers (no state shared between chains). */
const POOL = Symbol.for('vigil.memoryPool');

function poolOf(evm: object): Uint8Array[] {
  const holder = evm as { [POOL]?: Uint8Array[] };
  return (holder[POOL] ??= []);
}

interface InterpreterEnv {
  gasRefund?: bigint;
  initialLogs?: unknown[];
}

interface EvmForInterpreter {
  common: { consensusType(): string };
  stateManager: unknown;
  blockchain: unknown;
  journal: unknown;
  performanceLogger: unknown;
  _optsCached: { profiler?: unknown };
}

export interface LeanInterpreter {
  _evm: object;
  _runState: { memory: { _store: Uint8Array } };
}

/**
 * Builds an Interpreter the way its constructor does, field for field, except that the
 * frame's Memory starts from a zeroed 8 KiB buffer left by an earlier frame instead of
 * a fresh allocation (the constructor's `new Memory()` allocates one per frame, a top
 * cost in profiles through allocation and GC). Memory grows from there as the
 * library's Memory grows any buffer. Proof-of-authority chains take the constructor,
 * which checks their signer.
 */
export function createInterpreter(lib: EvmInternals, evm: EvmForInterpreter, env: InterpreterEnv, gasLeft: bigint): LeanInterpreter {
  if (evm.common.consensusType() === 'poa') {
    return new lib.Interpreter(evm, evm.stateManager, evm.blockchain, env, gasLeft, evm.journal, evm.performanceLogger, evm._optsCached.profiler) as LeanInterpreter;
  }
  const memory = Object.create(lib.Memory.prototype) as { _store: Uint8Array };
  memory._store = poolOf(evm).pop() ?? new Uint8Array(FRAME_MEMORY);
  const interp = Object.create(lib.Interpreter.prototype) as Record<string, unknown>;
  interp.opDebuggers = {};
  interp._evm = evm;
  interp._stateManager = evm.stateManager;
  interp.common = evm.common;
  interp._runState = {
    programCounter: 0,
    opCode: 0xfe,
    memory,
    memoryWordCount: 0n,
    highestMemCost: 0n,
    stack: new lib.Stack(),
    code: new Uint8Array(0),
    validJumps: Uint8Array.from([]),
    cachedPushes: {},
    stateManager: evm.stateManager,
    blockchain: evm.blockchain,
    env,
    shouldDoJumpAnalysis: true,
    interpreter: interp,
    gasRefund: env.gasRefund,
    gasLeft,
    stateGasSpilled: 0n,
    returnBytes: new Uint8Array(0),
  };
  interp.journal = evm.journal;
  interp._env = env;
  interp._result = { logs: env.initialLogs ? [...env.initialLogs] : [], returnValue: undefined, selfdestruct: new Map() };
  interp.profilerOpts = evm._optsCached.profiler;
  interp.performanceLogger = evm.performanceLogger;
  return interp as unknown as LeanInterpreter;
}

/**
 * Returns a finished frame's memory buffer to the pool, zeroed. Safe because nothing
 * outlives a frame holding a view of its memory: return data, logs and revert data are
 * copies; views passed to child frames (call data, init code) are used while the
 * parent still runs. The frame's Memory is left empty.
 */
export function releaseInterpreter(interp: LeanInterpreter): void {
  const memory = interp._runState.memory;
  const store = memory._store;
  memory._store = new Uint8Array(0);
  const pool = poolOf(interp._evm);
  if (store.length !== FRAME_MEMORY || pool.length >= POOL_LIMIT) return;
  store.fill(0);
  pool.push(store);
}
