import { relative } from 'node:path';
import type { SpecSession } from '../../campaign/SpecSession.js';
import { openNativeSession } from '../../native/openNativeSession.js';
import type { SuiteRef } from '../../native/SuiteRef.js';
import { SymbolicEvm } from '../explore/SymbolicEvm.js';
import type { TaskHooks } from '../worker/serveProofWorker.js';
import type { Ctx } from '../word/Word.js';
import type { NativeResult, NativeTask } from './NativeTask.js';
import { openCheckSuite, type CheckSuite } from './openCheckSuite.js';
import { proveCheckFunction } from './proveCheckFunction.js';
import { runNativeObligation } from './runNativeObligation.js';
import { symbolicVmCode } from './symbolicVm.js';

/** Sessions kept between tasks of the same suite (opening one compiles, deploys and runs setUp). */
export interface NativeTaskCache {
  sessions: Map<string, Promise<SpecSession & { suite: SuiteRef }>>;
  checkSuites: Map<string, Promise<CheckSuite>>;
}

export const emptyNativeCache = (): NativeTaskCache => ({ sessions: new Map(), checkSuites: new Map() });

/**
 * One native task on `ctx`, in this thread or a worker's: the set-up first (session,
 * cheatcode model), then `hooks.started`, from which the task's time counts, then the procedure
 * (which may report partial results through `hooks.partial`).
 */
export async function runNativeTask(ctx: Ctx, cache: NativeTaskCache, task: NativeTask, hooks: TaskHooks<NativeResult> = noHooks): Promise<NativeResult> {
  const vm = await symbolicVmCode(task.cacheDir);
  const sevm = new SymbolicEvm(ctx);
  const ref = task.suite.ref;
  const key = JSON.stringify([ref, task.cacheDir, task.settings], (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  if (task.procedure === 'check') {
    const suite = await cached(cache.checkSuites, key, () => openCheckSuite(ref.file, ref.contract, { cacheDir: task.cacheDir, ...(task.settings.gasLimit !== undefined ? { gasLimit: task.settings.gasLimit } : {}) }));
    const fn = suite.checks.find((c) => c.fn.name === task.check)?.fn;
    if (fn === undefined) throw new Error(`no check function ${task.check} in ${ref.contract}`);
    hooks.started();
    const out = await proveCheckFunction(suite, fn, { ctx, sevm, bounds: task.bounds, vm, replayCommand: `npx vigil prove ${relative(process.cwd(), ref.file)} --contract ${ref.contract}` });
    return { procedure: 'check', ...out };
  }
  const session = await cached(cache.sessions, key, () => openNativeSession(ref, { settings: task.settings, ...(task.cacheDir ? { cacheDir: task.cacheDir } : {}) }));
  hooks.started();
  return runNativeObligation(session, { ctx, sevm, bounds: task.bounds, reportPath: task.reportPath, vm, procedure: task.procedure, check: task.check, assume: task.assume }, hooks.partial);
}

const noHooks: TaskHooks<NativeResult> = { started: () => undefined, partial: () => undefined };

function cached<T>(map: Map<string, Promise<T>>, key: string, open: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (p === undefined) {
    p = open();
    map.set(key, p);
    // A failed set-up is not kept: the next task reports its own error.
    p.catch(() => map.delete(key));
  }
  return p;
}
