import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CoverageMap } from './CoverageMap.js';

/** The property of an EVM instance where a chain hangs its coverage map. */
export const COVERAGE = Symbol.for('vigil.coverage');

interface InterpreterLike {
  _evm: { [COVERAGE]?: CoverageMap };
  common: unknown;
  _runState: { code: Uint8Array; programCounter: number; vigilBitmap?: Uint8Array };
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
    const coverage = this._evm[COVERAGE];
    if (coverage !== undefined) {
      const rs = this._runState;
      (rs.vigilBitmap ??= coverage.bitmapFor(rs.code))[rs.programCounter] = 1;
    }
    return runStep.call(this, op);
  };
}
