import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CoverageMap } from './CoverageMap.js';

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

const RING = 8;
const PANIC_01 = '4e487b710000000000000000000000000000000000000000000000000000000000000001';

interface RunStateLike {
  code: Uint8Array;
  programCounter: number;
  opCode: number;
  stack: { peek(n: number): bigint[] };
  memory: { read(offset: number, size: number): Uint8Array };
  vigilBitmap?: Uint8Array;
  vigilJumps?: Int32Array;
  vigilJumpAt?: number;
}

interface InterpreterLike {
  _evm: { [COVERAGE]?: CoverageMap; [ASSERTIONS]?: AssertionSink };
  common: unknown;
  _runState: RunStateLike;
  _getValidJumpDestinations(code: Uint8Array): unknown;
  runStep(op?: unknown): Promise<void>;
}

let applied: Promise<void> | undefined;

/**
 * Two changes to @ethereumjs/evm's Interpreter, applied once per process:
 * - jump-destination analysis is cached per code object (the EVM redoes it on every
 *   call; profiles showed it as a top cost), keyed also by the fork's Common;
 * - when an EVM carries a CoverageMap, each executed instruction offset is marked,
 *   far cheaper than the `step` event, which builds an object per instruction.
 * Both are pure functions of their inputs, so sharing them across chains is safe.
 */
export function applyEvmPatches(): Promise<void> {
  applied ??= patch();
  return applied;
}

async function patch(): Promise<void> {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@ethereumjs/evm');
  const esmDir = join(dirname(entry), '..', 'esm');
  const mod = (await import(pathToFileURL(join(esmDir, 'interpreter.js')).href)) as {
    Interpreter: { prototype: InterpreterLike };
  };
  const proto = mod.Interpreter.prototype;

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
  proto.runStep = function (this: InterpreterLike, op?: unknown) {
    const rs = this._runState;
    const coverage = this._evm[COVERAGE];
    if (coverage !== undefined) (rs.vigilBitmap ??= coverage.bitmapFor(rs.code))[rs.programCounter] = 1;
    const sink = this._evm[ASSERTIONS];
    if (sink !== undefined) watchAssertions(rs, sink);
    return runStep.call(this, op);
  };
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
