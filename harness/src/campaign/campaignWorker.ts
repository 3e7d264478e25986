import { parentPort, workerData } from 'node:worker_threads';
import { isVigilError } from '../errors/VigilError.js';
import { openNativeSession } from '../native/openNativeSession.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import { lowercaseAddresses } from '../abi/lowercaseAddresses.js';
import { fromCallRecord } from './fromCallRecord.js';
import { openSession } from './openSession.js';
import { runCampaign } from './runCampaign.js';
import { toCallRecord } from './toCallRecord.js';
import type { WorkerMessage, WorkerResult, WorkerTask } from './WorkerMessages.js';

/**
 * One worker of `vigil run --workers N`: opens its own session (the compile cache makes
 * that cheap), runs a campaign with its own seed and share of the runs, and posts the
 * result back with calls as records. A 'stop' message interrupts it like Ctrl-C.
 */
async function work(task: WorkerTask): Promise<WorkerResult> {
  const controller = new AbortController();
  parentPort!.on('message', (m: { type: string }) => {
    if (m.type === 'stop') controller.abort();
  });
  const { target } = task;
  const session = typeof target === 'string'
    ? await openSession(target, { root: task.root, cacheDir: task.cacheDir, settings: task.settings, overrides: task.settings })
    : await openNativeSession(target, { cacheDir: task.cacheDir, settings: task.settings, overrides: task.settings });
  const persisted: { id: string; calls: FuzzCall[] }[] = [];
  for (const p of task.persisted) {
    const calls = p.calls.map((r) => fromCallRecord(session, r));
    if (calls.every((c) => !('problem' in c))) persisted.push({ id: p.id, calls: calls as FuzzCall[] });
  }
  const seeds: FuzzCall[][] = [];
  for (const records of task.seeds) {
    const calls = records.map((r) => fromCallRecord(session, r));
    // Lower-case addresses, as runSpecs loads the corpus for a campaign in its own thread.
    if (calls.every((c) => !('problem' in c))) seeds.push((calls as FuzzCall[]).map((c) => ({ ...c, args: lowercaseAddresses(c.args) })));
  }
  // A worker's start-up (loader, compile cache, deployment) can take seconds on a busy machine:
  // it spends the campaign's --time budget, so the whole campaign still ends on time.
  const budget = session.settings.timeLimitMs;
  const left = budget === undefined || task.startedAt === undefined ? budget : Math.max(1, budget - (Date.now() - task.startedAt));
  const result = await runCampaign(left === budget ? session : { ...session, settings: { ...session.settings, timeLimitMs: left } }, {
    signal: controller.signal,
    persisted,
    seeds,
    onProgress: (progress) => post({ type: 'progress', progress }),
    timelineEvery: task.timelineEvery,
  });
  const coverage: WorkerResult['coverage'] = [];
  if (session.chain.coverage !== undefined) {
    for (const c of session.deployment.contracts) {
      coverage.push({ key: c.key, bitmap: session.chain.coverage.bitmapFor(await session.chain.getCode(c.address)) });
    }
  }
  const records = (calls: FuzzCall[]) => calls.map((c) => toCallRecord(c));
  return {
    findings: result.findings.map((f) => ({ ...f, original: records(f.original), shrunk: records(f.shrunk) })),
    runs: result.runs,
    calls: result.calls,
    reverts: result.reverts,
    functions: [...result.functions].map(([key, f]) => ({ key, ...f })),
    checkCounts: [...session.checks.counts],
    durationMs: result.durationMs,
    interrupted: result.interrupted,
    stale: result.stale,
    corpus: ((result as { corpus?: FuzzCall[][] }).corpus ?? []).map(records),
    coverage,
    timeline: result.timeline ?? [],
    ...(result.error ? { checkError: result.error } : {}),
    ...(result.hybrid ? { hybrid: result.hybrid } : {}),
  };
}

function post(m: WorkerMessage): void {
  parentPort!.postMessage(m);
}

work(workerData as WorkerTask).then(
  (result) => post({ type: 'result', result }),
  (e: unknown) => {
    const err = e as Error & { code?: string; hint?: string; meta?: string[] };
    post({ type: 'error', error: isVigilError(e) ? { code: err.code, message: err.message, hint: err.hint, meta: err.meta } : { message: err.stack ?? String(e) } });
  },
);
