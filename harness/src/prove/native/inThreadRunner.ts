import type { Ctx } from '../word/Word.js';
import type { NativeOutcome, NativeRunner, NativeTask } from './NativeTask.js';
import { emptyNativeCache, runNativeTask, type NativeTaskCache } from './runNativeTask.js';

/**
 * Native tasks in this thread on one Z3 context (tests, small runs): no hard time limit,
 * only the explorer's and the solver's own budgets. `vigil prove` uses NativeWorkerPool.
 */
export function inThreadRunner(ctx: Ctx): NativeRunner {
  const cache = emptyNativeCache();
  // One task at a time: one Z3 context does not take concurrent queries.
  let queue: Promise<unknown> = Promise.resolve();
  return (task) => {
    const next = queue.then(() => runOne(ctx, cache, task));
    queue = next;
    return next;
  };
}

async function runOne(ctx: Ctx, cache: NativeTaskCache, task: NativeTask): Promise<NativeOutcome> {
  let startedAt = Date.now();
  try {
    const result = await runNativeTask(ctx, cache, task, { started: () => (startedAt = Date.now()), partial: () => undefined });
    return { status: 'done', result, timeMs: Date.now() - startedAt };
  } catch (e) {
    return { status: 'error', reason: (e as Error).message.split('\n')[0]!, timeMs: Date.now() - startedAt };
  }
}
