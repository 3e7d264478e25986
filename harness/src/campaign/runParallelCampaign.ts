import { Worker } from 'node:worker_threads';
import { errorCodes } from '../errors/codes.js';
import type { SpecError } from '../report/types.js';
import { watchWorkerChecks } from './watchWorkerChecks.js';
import { fileURLToPath } from 'node:url';
import { lowercaseAddresses } from '../abi/lowercaseAddresses.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { CallRecord } from '../report/types.js';
import type { CampaignProgress, CampaignResult } from './CampaignResult.js';
import type { CampaignSettings } from './CampaignSettings.js';
import { fromCallRecord } from './fromCallRecord.js';
import { mergeTimelines } from './mergeTimelines.js';
import { workerTimelineEvery } from './TimelineRecorder.js';
import { mergeWorkerParts } from './mergeWorkerParts.js';
import { sumHybridStats } from '../hybrid/HybridStats.js';
import type { RunTarget } from './runSpecs.js';
import type { SpecSession } from './SpecSession.js';
import type { WorkerMessage, WorkerResult, WorkerTask } from './WorkerMessages.js';

const workerEntry = fileURLToPath(new URL('../../bin/campaign-worker.mjs', import.meta.url));

/**
 * A campaign worker's JS heap, MB: a runaway allocation (a check, the set-up) ends that worker,
 * at the same size on every machine, instead of the process or the machine's memory.
 */
export const CAMPAIGN_WORKER_HEAP_MB = 2048;

export interface ParallelOptions {
  /** Workers of the whole run (seeds and run shares are drawn for this many). */
  workers: number;
  /**
   * The workers this process runs (default all): a shard of a run spread over machines
   * (`--shard i/n`) runs a consecutive slice, and `vigil merge` joins the slices.
   */
  indexes?: readonly number[];
  target: RunTarget;
  root: string;
  cacheDir?: string;
  persisted: { id: string; calls: CallRecord[] }[];
  /** The saved coverage corpus (see runCampaign's `seeds`). */
  seeds?: CallRecord[][];
  signal?: AbortSignal;
  onProgress?: (p: CampaignProgress) => void;
  /** A worker that failed: the others' results still make the report, and the spec ends as an error naming it. */
  onWorkerError?: (index: number, message: string) => void;
}

/** Worker i's seed: worker 0 keeps the run's seed, so one worker is the serial campaign. */
export function workerSeed(seed: number, index: number): number {
  return index === 0 ? seed : (seed + index * 0x9e3779b1) % 2 ** 48;
}

/** Worker i's share of the runs (the first ones take the remainder). */
export function workerRuns(runs: number, workers: number, index: number): number {
  return Math.floor(runs / workers) + (index < runs % workers ? 1 : 0);
}

/** Worker i's campaign settings: its seed and share of the runs, and the whole time budget. */
export function workerSettings(settings: CampaignSettings, workers: number, index: number): CampaignSettings {
  return { ...settings, seed: workerSeed(settings.seed, index), runs: workerRuns(settings.runs, workers, index) };
}

/**
 * One campaign over N worker threads: each opens its own chain and searches with its own
 * seed and share of the runs, within the same time budget. The results merge in worker
 * order (a finding seen by several workers keeps the shortest counterexample, ties to the
 * lower worker), so the same seed and worker count give the same report.
 */
export async function runParallelCampaign(session: SpecSession, options: ParallelOptions): Promise<CampaignResult> {
  const start = Date.now();
  const indexes = options.indexes ?? Array.from({ length: options.workers }, (_, i) => i);
  const progress: (CampaignProgress | undefined)[] = new Array(indexes.length).fill(undefined);
  const outcomes = await Promise.all(
    indexes.map((index, slot) => runWorker(index, { ...taskFor(session.settings, options, index), startedAt: start }, options, (p) => {
      progress[slot] = p;
      options.onProgress?.(sumProgress(progress, session.settings));
    })),
  );
  const results: WorkerResult[] = [];
  let checkError: SpecError | undefined;
  const survivors = outcomes.filter((o) => !('error' in o)).length;
  outcomes.forEach((o, slot) => {
    if ('error' in o) {
      options.onWorkerError?.(indexes[slot]!, o.error);
      checkError ??= o.checkError ?? workerFailed(indexes[slot]!, o.error, survivors);
    } else results.push(o);
  });
  const merged = await merge(session, results, Date.now() - start, options);
  return checkError !== undefined && merged.error === undefined ? { ...merged, error: checkError } : merged;
}

function taskFor(settings: CampaignSettings, options: ParallelOptions, index: number): WorkerTask {
  return {
    index,
    target: options.target,
    root: options.root,
    cacheDir: options.cacheDir,
    settings: { ...workerSettings(settings, options.workers, index), checkSlot: new SharedArrayBuffer(4) },
    // Saved counterexamples are replayed once, by the first worker.
    persisted: index === 0 ? options.persisted : [],
    seeds: options.seeds ?? [],
    timelineEvery: workerTimelineEvery(settings.runs, options.workers),
  };
}

type WorkerOutcome = WorkerResult | { error: string; checkError?: SpecError };

/** A worker that ended without a result (process.exit, out of memory, a throw): an error of the spec, never a silent pass. */
function workerFailed(index: number, error: string, survivors: number): SpecError {
  return {
    code: 'CAMPAIGN_WORKER_FAILED',
    message: `campaign worker ${index} failed (${error.split('\n')[0]}); ${survivors > 0 ? 'the other workers\' runs and findings are kept' : 'no worker finished'}`,
    hint: errorCodes.CAMPAIGN_WORKER_FAILED.hint,
    meta: [],
  };
}

function runWorker(index: number, task: WorkerTask, options: ParallelOptions, onProgress: (p: CampaignProgress) => void): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(workerEntry, { workerData: task, resourceLimits: { maxOldGenerationSizeMb: CAMPAIGN_WORKER_HEAP_MB } });
    let settled = false;
    // A check that never returns holds the worker's thread: stop the whole worker (its own findings are lost; the others' are kept).
    const watch = watchWorkerChecks(task.settings.checkSlot!, task.settings.checkTimeoutMs, () => {
      const message = `a check in campaign worker ${index} did not return within ${task.settings.checkTimeoutMs / 1000} s; the worker was stopped`;
      finish({ error: message, checkError: { code: 'INVARIANT_TIMEOUT', message, hint: errorCodes.INVARIANT_TIMEOUT.hint, meta: [] } });
    });
    const finish = (v: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      options.signal?.removeEventListener('abort', stop);
      resolve(v);
      void worker.terminate();
    };
    const stop = () => worker.postMessage({ type: 'stop' });
    options.signal?.addEventListener('abort', stop);
    if (options.signal?.aborted) stop();
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.progress);
      else if (m.type === 'result') finish(m.result);
      else {
        const error = [m.error.message, ...(m.error.meta ?? [])].join('\n');
        // A Vigil error raised in the worker keeps its code, hint and location.
        finish(m.error.code !== undefined
          ? { error, checkError: { code: m.error.code, message: m.error.message, hint: m.error.hint ?? errorCodes.CAMPAIGN_WORKER_FAILED.hint, meta: m.error.meta ?? [] } }
          : { error });
      }
    });
    worker.on('error', (e: Error & { code?: string }) => finish({ error: `${e.code ? `${e.code}: ` : ''}${e.message}` }));
    worker.on('exit', (code) => finish({ error: `worker ${index} exited with code ${code} before reporting` }));
  });
}

function sumProgress(all: (CampaignProgress | undefined)[], settings: CampaignSettings): CampaignProgress {
  const known = all.filter((p): p is CampaignProgress => p !== undefined);
  const sum = (f: (p: CampaignProgress) => number) => known.reduce((a, p) => a + f(p), 0);
  return {
    run: sum((p) => p.run),
    runs: settings.runs,
    calls: sum((p) => p.calls),
    callsPerSec: sum((p) => p.callsPerSec),
    findings: Math.max(0, ...known.map((p) => p.findings)),
    coverage: Math.max(0, ...known.map((p) => p.coverage)),
    elapsedMs: Math.max(0, ...known.map((p) => p.elapsedMs)),
    timeLeftMs: known[0]?.timeLeftMs,
    phase: known.some((p) => p.phase === 'search') ? 'search' : 'shrink',
  };
}

async function merge(session: SpecSession, results: WorkerResult[], durationMs: number, options: ParallelOptions): Promise<CampaignResult> {
  const calls = (records: CallRecord[]): FuzzCall[] => {
    const out: FuzzCall[] = [];
    for (const r of records) {
      const c = fromCallRecord(session, r);
      if ('problem' in c) throw new Error(`internal: a worker's call does not decode here: ${c.problem}`);
      // As the campaign made them (decoding checksums addresses), so checks compare like with like.
      out.push({ ...c, args: lowercaseAddresses(c.args) });
    }
    return out;
  };
  const parts = mergeWorkerParts(results.map((r) => (r.checkError ? { ...r, error: r.checkError } : r)), { id: (f) => f.violation.id, length: (f) => f.shrunk.length });
  // The checks ran in the workers; this session only replays the findings for the report.
  for (const [k, n] of parts.checkCounts) session.checks.counts.set(k, (session.checks.counts.get(k) ?? 0) + n);
  const coverage = session.chain.coverage;
  if (coverage !== undefined) {
    const byKey = new Map(session.deployment.contracts.map((c) => [c.key, c]));
    for (const r of results) {
      for (const { key, bitmap } of r.coverage) {
        const c = byKey.get(key);
        if (c === undefined) continue;
        // Codes are looked up by identity: the session's own code object for this contract.
        const code = await session.chain.getCode(c.address);
        const mine = coverage.bitmapFor(code);
        for (let i = 0; i < mine.length && i < bitmap.length; i++) mine[i] |= bitmap[i]!;
      }
    }
  }
  const merged = {
    session,
    findings: parts.findings.map((f) => ({ ...f, original: calls(f.original), shrunk: calls(f.shrunk) })),
    runs: parts.runs,
    calls: parts.calls,
    reverts: parts.reverts,
    functions: parts.functions,
    durationMs,
    interrupted: parts.interrupted,
    stale: parts.stale,
    ...(parts.error ? { error: parts.error } : {}),
    ...(sumHybridStats(results.map((r) => r.hybrid)) ? { hybrid: sumHybridStats(results.map((r) => r.hybrid)) } : {}),
    // The coverage corpus of every worker, in worker order (saved for the next run).
    corpus: parts.corpus.map(calls),
    timeline: mergeTimelines(results.map((r) => r.timeline), parts.findings, workerTimelineEvery(session.settings.runs, options.workers)),
  };
  return merged as CampaignResult;
}
