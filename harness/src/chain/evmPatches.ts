import { EVM, EVMError } from '@ethereumjs/evm';
import { Account, createZeroAddress } from '@ethereumjs/util';
import { edgeSlot, type CodeCoverage, type CoverageMap } from './CoverageMap.js';
import { loadEvmInternals, type EvmInternals } from './evmInternals.js';
import { createInterpreter, releaseInterpreter, type LeanInterpreter } from './leanInterpreter.js';

/** The property of an EVM instance where a chain hangs its coverage map. */
export const COVERAGE = Symbol.for('vigil.coverage');
/** The property of an EVM instance where a chain hangs its assertion sink. */
export const ASSERTIONS = Symbol.for('vigil.assertions');

/** A Panic(0x01) revert seen in any frame, with the recent jumps that led to it. */
export interface AssertionHit {
  code: Uint8Array;
  pc: number;
  /** Program counters of the last jumps in that frame, most recent first. */
  jumps: number[];
}

export interface AssertionSink {
  hits: AssertionHit[];
}

/** The property of an EVM instance where a chain collects comparison operands. */
export const COMPARES = Symbol.for('vigil.compares');

/** Operands of EQ, LT, GT, SLT and SGT seen during a call (input-to-state hints for the fuzzer). */
export interface CompareSink {
  values: bigint[];
}

const MAX_COMPARES = 256;

const RING = 8;
const PANIC_01 = '4e487b710000000000000000000000000000000000000000000000000000000000000001';

interface RunStateLike {
  code: Uint8Array;
  programCounter: number;
  opCode: number;
  stack: { peek(n: number): bigint[] };
  memory: { read(offset: number, size: number): Uint8Array };
  gasLeft: bigint;
  env: { depth: number; isStatic: boolean };
  vigilCoverage?: CodeCoverage;
  /** Slow path only: offset of the jump the previous instruction was, or -1. */
  vigilJumpFrom?: number;
  vigilJumps?: Int32Array;
  vigilJumpAt?: number;
}

interface OpEntry {
  opcodeInfo: { feeBigInt: bigint; dynamicGas: boolean; isAsync: boolean; isInvalid: boolean };
  opHandler: (rs: RunStateLike, common: unknown) => void;
  gasHandler?: (rs: RunStateLike, gas: bigint, common: unknown) => bigint | Promise<bigint>;
  vigilSync?: boolean;
}

interface InterpreterLike {
  _evm: {
    [COVERAGE]?: CoverageMap;
    [ASSERTIONS]?: AssertionSink;
    [COMPARES]?: CompareSink;
    DEBUG: boolean;
    events: { listenerCount(e: string): number };
    _opcodeMap: OpEntry[];
  };
  common: { isActivatedEIP(eip: number): boolean };
  profilerOpts?: { enabled?: boolean };
  _runState: RunStateLike & { shouldDoJumpAnalysis?: boolean };
  _getValidJumpDestinations(code: Uint8Array): unknown;
  runStep(op?: OpEntry): Promise<void> | void;
  lookupOpInfo(op: number): OpEntry;
  useGas(amount: bigint, context: unknown): void;
  vigilFast?: boolean;
}

let applied: Promise<void> | undefined;


/**
 * Changes to @ethereumjs/evm's Interpreter and EVM prototypes, applied once per process:
 * - jump-destination analysis is cached per code object (the EVM redoes it on every
 *   call; profiles showed it as a top cost), keyed also by the fork's Common;
 * - instructions run in synchronous batches (runBatch) instead of one await each;
 * - when an EVM carries a CoverageMap, each executed instruction offset is marked and
 *   each jump's edge (JUMP / JUMPI offset → next offset) counted, far cheaper than the
 *   `step` event, which builds an object per instruction;
 * - runInterpreter builds no throw-away result spreads and reuses frame memory.
 * Each computes what the library computes from the same inputs, so sharing them
 * across chains is safe; per-EVM opcode changes live in fastOpcodes.
 */
export function applyEvmPatches(): Promise<void> {
  applied ??= patch();
  return applied;
}

async function patch(): Promise<void> {
  const lib = await loadEvmInternals();
  const proto = lib.Interpreter.prototype as InterpreterLike;
  patchRunInterpreter(lib);

  const analyse = proto._getValidJumpDestinations;
  const cache = new WeakMap<Uint8Array, WeakMap<object, unknown>>();
  proto._getValidJumpDestinations = function (this: InterpreterLike, code: Uint8Array) {
    let perFork = cache.get(code);
    if (perFork === undefined) cache.set(code, (perFork = new WeakMap()));
    const key = this.common as object;
    let result = perFork.get(key);
    if (result === undefined) perFork.set(key, (result = analyse.call(this, code)));
    return result;
  };

  const runStep = proto.runStep;
  proto.runStep = function (this: InterpreterLike, op?: OpEntry) {
    this.vigilFast ??= canRunFast(this);
    if (!this.vigilFast) {
      observe(this);
      return runStep.call(this, op);
    }
    return runBatch(this, op ?? this.lookupOpInfo(this._runState.opCode), runStep);
  };
}

/**
 * The interpreter awaits every instruction, a microtask each even for ADD or PUSH.
 * This runs a batch of instructions synchronously instead: those whose gas function and
 * handler are both synchronous (entries marked `vigilSync` by installFastOpcodes; on an
 * unmarked table, those with a static gas cost and a handler the library calls without
 * awaiting). At the first instruction that needs the original path (state access through
 * the async interface, calls, creates) or a not-yet-analysed jump, it hands back to the
 * interpreter's own loop, which resumes at the current program counter. The steps per
 * instruction are runStep's: gas function, useGas, advance, handler.
 * Only for plain legacy code with no tracer, profiler or stateless/BAL fork rules active.
 */
function runBatch(interp: InterpreterLike, first: OpEntry, original: (op?: OpEntry) => Promise<void> | void): Promise<void> | void {
  const rs = interp._runState;
  const common = interp.common;
  const evm = interp._evm;
  const opcodeMap = evm._opcodeMap;
  const code = rs.code;
  // The observers of `observe`, looked up once per batch instead of once per instruction.
  const coverage = evm[COVERAGE];
  const covered = coverage === undefined ? undefined : (rs.vigilCoverage ??= coverage.forCode(code));
  const instructions = covered?.instructions;
  const edges = covered !== undefined && countsEdges(coverage!, rs) ? covered.edges : undefined;
  const mask = covered?.mask ?? 0;
  const sink = evm[ASSERTIONS];
  const compares = evm[COMPARES];
  let entry = first;
  let op = rs.opCode;
  for (;;) {
    const from = rs.programCounter;
    if (instructions !== undefined && instructions[from] === 0) instructions[from] = 1;
    if (sink !== undefined) watchAssertions(rs, sink);
    if (compares !== undefined) collectCompares(rs, compares);
    if (!(entry.vigilSync ?? isPlainSync(entry))) return original.call(interp, entry);
    const info = entry.opcodeInfo;
    // Interpreter.useGas, inlined (its only other step is DEBUG logging, off on this path).
    rs.gasLeft -= info.dynamicGas ? (entry.gasHandler!(rs, info.feeBigInt, common) as bigint) : info.feeBigInt;
    if (rs.gasLeft < 0n) {
      rs.gasLeft = 0n;
      throw new EVMError(EVMError.errorMessages.OUT_OF_GAS); // the library's trap()
    }
    rs.programCounter++;
    entry.opHandler(rs, common);
    const pc = rs.programCounter;
    // Jumps always run here (they are synchronous), so this sees every edge of the fast path.
    if ((op === 0x57 || op === 0x56) && edges !== undefined) {
      const slot = edgeSlot(from, pc, mask);
      if (edges[slot]++ === 0) coverage!.noteNewEdge(covered!, slot);
    }
    if (pc >= code.length) return;
    op = code[pc]!;
    if ((op === 0x56 || op === 0x57 || op === 0x5e) && rs.shouldDoJumpAnalysis !== false) return;
    entry = opcodeMap[op]!;
    if (!(entry.vigilSync ?? isPlainSync(entry))) return;
    rs.opCode = op;
  }
}

function isPlainSync(entry: OpEntry): boolean {
  const info = entry.opcodeInfo;
  return !info.dynamicGas && !info.isAsync && !info.isInvalid;
}

function canRunFast(interp: InterpreterLike): boolean {
  const c = interp.common;
  return (
    interp.profilerOpts?.enabled !== true &&
    !interp._evm.DEBUG &&
    interp._evm.events.listenerCount('step') === 0 &&
    ![3540, 6800, 7864, 7928].some((eip) => c.isActivatedEIP(eip))
  );
}

function observe(interp: InterpreterLike): void {
  const rs = interp._runState;
  const evm = interp._evm;
  const coverage = evm[COVERAGE];
  if (coverage !== undefined) {
    const covered = (rs.vigilCoverage ??= coverage.forCode(rs.code));
    const pc = rs.programCounter;
    covered.instructions[pc] = 1;
    // The previous instruction was a jump: this offset is where it went.
    const from = rs.vigilJumpFrom ?? -1;
    const counting = countsEdges(coverage, rs);
    if (from >= 0 && counting) {
      const slot = edgeSlot(from, pc, covered.mask);
      if (covered.edges[slot]++ === 0) coverage.noteNewEdge(covered, slot);
    }
    rs.vigilJumpFrom = rs.opCode === 0x56 || rs.opCode === 0x57 ? pc : -1;
  }
  const sink = evm[ASSERTIONS];
  if (sink !== undefined) watchAssertions(rs, sink);
  const compares = evm[COMPARES];
  if (compares !== undefined) collectCompares(rs, compares);
}

/**
 * Edges count for the calls the fuzzer makes, not for the view calls of checks (static at
 * the top), which run after every call and would claim shared code first. A frame at
 * depth 0 decides for the frames it calls.
 */
function countsEdges(coverage: CoverageMap, rs: RunStateLike): boolean {
  if (rs.env.depth === 0) coverage.countEdges = !rs.env.isStatic;
  return coverage.countEdges;
}

function collectCompares(rs: RunStateLike, compares: CompareSink): void {
  const op = rs.opCode;
  if (compares.values.length >= MAX_COMPARES) return;
  if ((op >= 0x10 && op <= 0x14) || ((op === 0x03 || op === 0x18) && testsZero(rs.code, rs.programCounter + 1))) {
    const [a, b] = rs.stack.peek(2) as [bigint, bigint];
    compares.values.push(a, b);
  }
}

/**
 * solc's optimizer compiles `if (x == K)` as `SUB` (or `XOR`) feeding a JUMPI, since only
 * zero matters there: such a SUB / XOR is an equality test whose operands are worth learning.
 * `pc` is the instruction after it; one PUSH (the jump target) may come first.
 */
function testsZero(code: Uint8Array, pc: number): boolean {
  let op = code[pc];
  if (op !== undefined && op >= 0x60 && op <= 0x7f) op = code[pc + op - 0x5e];
  return op === 0x57 || op === 0x15;
}

/**
 * Notes jumps in a small ring per frame and, at a REVERT whose data is Panic(0x01),
 * records where it happened. A `try`/`catch` in the caller cannot hide an assertion.
 */
function watchAssertions(rs: RunStateLike, sink: AssertionSink): void {
  const op = rs.opCode;
  if (op === 0x56 || op === 0x57) {
    const ring = (rs.vigilJumps ??= new Int32Array(RING).fill(-1));
    const at = ((rs.vigilJumpAt ?? -1) + 1) % RING;
    ring[at] = rs.programCounter;
    rs.vigilJumpAt = at;
  } else if (op === 0xfd) {
    const [offset, size] = rs.stack.peek(2) as [bigint, bigint];
    if (size !== 36n || offset > 1_000_000n) return;
    const data = rs.memory.read(Number(offset), 36);
    if (Buffer.from(data).toString('hex') !== PANIC_01) return;
    const jumps: number[] = [];
    const ring = rs.vigilJumps;
    if (ring !== undefined) {
      for (let k = 0; k < RING; k++) {
        const pc = ring[(((rs.vigilJumpAt ?? 0) - k) % RING + RING) % RING]!;
        if (pc >= 0) jumps.push(pc);
      }
    }
    sink.hits.push({ code: rs.code, pc: rs.programCounter, jumps });
  }
}

interface InterpreterInstance {
  _result: { logs: unknown[]; returnValue?: Uint8Array; selfdestruct: unknown; createdAddresses?: unknown };
  run(code: unknown, opts: unknown): Promise<{ runState: { gasLeft: bigint; gasRefund: bigint; stateGasSpilled?: bigint }; exceptionError?: { error: string } }>;
}

interface MessageLike {
  to?: unknown;
  caller?: unknown;
  data?: Uint8Array;
  value?: bigint;
  code?: unknown;
  isStatic?: boolean;
  isCreate?: boolean;
  depth?: number;
  gasLimit: bigint;
  codeAddress?: unknown;
  gasRefund?: bigint;
  chargeCodeAccesses?: boolean;
  blobVersionedHashes?: unknown[];
  accessWitness?: { commit(): void };
  createdAddresses?: unknown;
  selfdestruct?: unknown;
}

/**
 * EVM.runInterpreter builds its result by spreading the interpreter's run state and
 * environment (~40 properties) into a new object on every frame, a result nothing in
 * the EVM or VM reads; the spreads cost more than running a short call. This version
 * does the same work and returns the same fields, with the run state passed as it is.
 * Its interpreter comes from createInterpreter (a pooled memory buffer, see leanInterpreter).
 */
function patchRunInterpreter(lib: EvmInternals): void {
  const evmProto = EVM.prototype as unknown as Record<string, unknown>;
  const original = evmProto.runInterpreter as (this: unknown, m: MessageLike, o?: object) => Promise<unknown>;
  evmProto.runInterpreter = async function (this: Record<string, any>, message: MessageLike, opts: { initialLogs?: unknown[] } = {}) {
    if (this._block === undefined) return original.call(this, message, opts);
    const to = message.to ?? createZeroAddress();
    const contract = (await this.stateManager.getAccount(to)) ?? new Account();
    const env = {
      address: to,
      caller: message.caller ?? createZeroAddress(),
      callData: message.data ?? Uint8Array.from([0]),
      callValue: message.value ?? 0n,
      code: message.code,
      isStatic: message.isStatic ?? false,
      isCreate: message.isCreate ?? false,
      depth: message.depth ?? 0,
      gasPrice: this._tx.gasPrice,
      origin: this._tx.origin ?? message.caller ?? createZeroAddress(),
      block: this._block,
      contract,
      codeAddress: message.codeAddress,
      gasRefund: message.gasRefund,
      chargeCodeAccesses: message.chargeCodeAccesses,
      blobVersionedHashes: message.blobVersionedHashes ?? [],
      accessWitness: message.accessWitness,
      createdAddresses: message.createdAddresses,
      initialLogs: opts.initialLogs,
    };
    const interpreter = createInterpreter(lib, this as never, env, message.gasLimit) as unknown as InterpreterInstance;
    if (message.selfdestruct) interpreter._result.selfdestruct = message.selfdestruct;
    if (message.createdAddresses) interpreter._result.createdAddresses = message.createdAddresses;
    const run = await interpreter.run(message.code, opts);
    let result: Record<string, unknown> = interpreter._result;
    let gasUsed = message.gasLimit - run.runState.gasLeft;
    const error = run.exceptionError;
    if (error !== undefined) {
      if (error.error !== EVMError.errorMessages.REVERT && error.error !== EVMError.errorMessages.INVALID_EOF_FORMAT) gasUsed = message.gasLimit;
      result = Object.assign({}, result, { logs: [], selfdestruct: new Map(), createdAddresses: new Set() });
    }
    message.accessWitness?.commit();
    releaseInterpreter(interpreter as unknown as LeanInterpreter);
    return Object.assign({}, result, {
      runState: run.runState,
      exceptionError: error,
      gas: run.runState?.gasLeft,
      executionGasUsed: gasUsed,
      gasRefund: run.runState.gasRefund,
      stateGasSpilled: run.runState.stateGasSpilled,
      returnValue: (result.returnValue as Uint8Array | undefined) ?? new Uint8Array(0),
    });
  };
}
