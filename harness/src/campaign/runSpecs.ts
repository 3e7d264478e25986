import { relative } from 'node:path';
import { isVigilError } from '../errors/VigilError.js';
import { vigilVersion } from '../version.js';
import { REPORT_SCHEMA_VERSION, type Report, type SpecResult } from '../report/types.js';
import { overallStatus } from '../report/overallStatus.js';
import type { CampaignProgress } from './CampaignResult.js';
import type { CampaignSettings } from './CampaignSettings.js';
import { CorpusStore } from './corpusStore.js';
import { fromCallRecord } from './fromCallRecord.js';
import { toCallRecord } from './toCallRecord.js';
import { lowercaseAddresses } from '../abi/lowercaseAddresses.js';
import { openSession } from './openSession.js';
import { openNativeSession } from '../native/openNativeSession.js';
import type { SuiteRef } from '../native/SuiteRef.js';
import { runCampaign } from './runCampaign.js';
import { workerTimelineEvery } from './TimelineRecorder.js';
import { runParallelCampaign, workerSettings } from './runParallelCampaign.js';
import type { Shard } from '../shard/parseShard.js';
import { shardWorkers } from '../shard/shardWorkers.js';
import { readCommit } from '../shard/readCommit.js';
import type { SpecSession } from './SpecSession.js';
import { toSpecResult } from './toSpecResult.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';

export interface RunSpecsOptions {
  root: string;
  settings: CampaignSettings;
  /** Settings given as flags, which beat a spec's `fuzz` block. */
  overrides?: Partial<CampaignSettings>;
  /** Where the JSON report will be written, for replay commands. */
  reportPath: string;
  cacheDir: string;
  corpusDir: string;
  useCorpus: boolean;
  command: string;
  signal?: AbortSignal;
  onProgress?: (spec: string, p: CampaignProgress) => void;
  onSpecDone?: (result: SpecResult) => void;
  onSession?: (session: SpecSession) => void;
  /** Worker threads per campaign (default 1: in this thread). */
  workers?: number;
  /** A campaign worker that failed while the others went on. */
  onWarning?: (message: string) => void;
  /** This machine's part of a run spread over machines (`--shard i/n`); `vigil merge` joins the parts. */
  shard?: Shard;
}


/** A TypeScript spec file, or a Solidity-native suite (forge / Echidna / Medusa contract). */
export type RunTarget = string | SuiteRef;

/** Runs specs one after another; a spec that fails to load or deploy becomes an error result, and the others still run. */
export async function runSpecs(files: readonly RunTarget[], options: RunSpecsOptions): Promise<Report> {
  const start = Date.now();
  const corpus = new CorpusStore(options.corpusDir, options.onWarning);
  const specs: SpecResult[] = [];
  let compiler: Report['compiler'] = { version: 'unknown', evmVersion: 'unknown', hardfork: 'unknown' };
  for (const file of files) {
    if (options.signal?.aborted) break;
    const result = await runOne(file, options, corpus, (c) => (compiler = c));
    specs.push(result);
    options.onSpecDone?.(result);
  }
  const interrupted = options.signal?.aborted === true;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'vigil', version: vigilVersion },
    status: overallStatus(specs, interrupted),
    createdAt: new Date().toISOString(),
    durationMs: Date.now() - start,
    ...(interrupted ? { interrupted: true } : {}),
    settings: {
      seed: String(options.settings.seed),
      runs: options.settings.runs,
      depth: options.settings.depth,
      ...(options.settings.timeLimitMs !== undefined ? { timeLimitMs: options.settings.timeLimitMs } : {}),
      shrinkLimit: options.settings.shrinkLimit,
      workers: options.workers ?? 1,
      command: options.command,
    },
    compiler,
    specs,
    ...(options.shard ? { shard: { ...options.shard, workersPerShard: options.workers ?? 1, ...commitField(options.root) } } : {}),
  };
}

async function runOne(target: RunTarget, options: RunSpecsOptions, corpus: CorpusStore, setCompiler: (c: Report['compiler']) => void): Promise<SpecResult> {
  let session: SpecSession;
  const file = typeof target === 'string' ? target : target.file;
  try {
    session = typeof target === 'string'
      ? await openSession(target, { root: options.root, cacheDir: options.cacheDir, settings: options.settings, overrides: options.overrides })
      : await openNativeSession(target, { cacheDir: options.cacheDir, settings: options.settings, overrides: options.overrides });
  } catch (e) {
    if (!isVigilError(e)) throw e;
    return errorResult(file, e, typeof target === 'string' ? undefined : target.contract);
  }
  options.onSession?.(session);
  setCompiler({ version: session.compiled.compilerVersion, evmVersion: session.compiled.evmVersion, hardfork: session.hardfork });
  const persisted: { id: string; calls: FuzzCall[] }[] = [];
  const persistedRecords: { id: string; calls: import('../report/types.js').CallRecord[] }[] = [];
  const unreadable: { id: string; message: string }[] = [];
  if (options.useCorpus) {
    for (const p of corpus.load(session.name)) {
      const calls = p.calls.map((r) => fromCallRecord(session, r));
      const problem = calls.find((c): c is { problem: string } => 'problem' in c);
      if (problem) unreadable.push({ id: p.id, message: `the saved counterexample cannot be replayed: ${problem.problem}` });
      else {
        persisted.push({ id: p.id, calls: calls as FuzzCall[] });
        persistedRecords.push(p);
      }
    }
  }
  const seeds = options.useCorpus ? loadSeeds(session, corpus) : [];
  try {
    const onProgress = options.onProgress && ((p: CampaignProgress) => options.onProgress!(session.name, p));
    const slice = shardWorkers(options.workers ?? 1, options.shard);
    const only = slice.indexes[0]!;
    const campaign = slice.indexes.length > 1
      ? await runParallelCampaign(session, {
        workers: slice.total, indexes: slice.indexes, target, root: options.root, cacheDir: options.cacheDir, persisted: persistedRecords,
        seeds: seeds.map((calls) => calls.map((c) => toCallRecord(c))),
        signal: options.signal, onProgress,
        onWorkerError: (i, message) => options.onWarning?.(`${session.name}: campaign worker ${i} failed; the others went on: ${message.split('\n')[0]}`),
      })
      // One worker runs in this thread; as one worker of a sharded run it has that worker's
      // seed and share of the runs, and only the first worker replays saved counterexamples.
      : await runCampaign(
        slice.total > 1 ? { ...session, settings: workerSettings(session.settings, slice.total, only) } : session,
        // Sampled at the interval every worker of the whole run uses, so merged shards line up.
        { signal: options.signal, persisted: only === 0 ? persisted : [], seeds, onProgress, timelineEvery: workerTimelineEvery(session.settings.runs, slice.total) },
      );
    campaign.stale.push(...unreadable);
    const result = await toSpecResult(campaign, { seed: session.settings.seed, reportPath: options.reportPath });
    if (options.useCorpus) {
      await corpus.save(session.name, result.findings.map((f) => ({ id: f.id, calls: f.shrunk.calls })));
      await corpus.saveCoverage(session.name, campaign.corpus.map((calls) => calls.map((c) => toCallRecord(c))));
    }
    const s = session.settings;
    result.settings = {
      seed: String(s.seed), runs: s.runs, depth: s.depth, shrinkLimit: s.shrinkLimit,
      ...(s.timeLimitMs !== undefined ? { timeLimitMs: s.timeLimitMs } : {}),
    };
    return result;
  } catch (e) {
    if (!isVigilError(e)) throw e;
    return errorResult(file, e, session.name);
  }
}

/**
 * The saved coverage corpus as calls of this session. A sequence that no longer fits (its
 * function is gone, its calldata no longer decodes) is dropped: it only ever guided the search.
 */
function loadSeeds(session: SpecSession, corpus: CorpusStore): FuzzCall[][] {
  const seeds: FuzzCall[][] = [];
  for (const records of corpus.loadCoverage(session.name)) {
    const calls: FuzzCall[] = [];
    for (const r of records) {
      const c = fromCallRecord(session, r);
      if ('problem' in c) break;
      calls.push({ ...c, args: lowercaseAddresses(c.args) });
    }
    if (calls.length === records.length) seeds.push(calls);
  }
  return seeds;
}

function errorResult(file: string, e: import('../errors/VigilError.js').VigilError, name?: string): SpecResult {
  return {
    name: name ?? relative(process.cwd(), file).split('/').pop()!.replace(/\.spec\.ts$/, ''),
    file: relative(process.cwd(), file),
    status: 'error',
    findings: [],
    checks: [],
    functions: [],
    coverage: { contracts: [] },
    stats: { runs: 0, calls: 0, reverts: 0, durationMs: 0, callsPerSec: 0 },
    error: { code: e.code, message: e.message, hint: e.hint, meta: e.meta },
  };
}

function commitField(root: string): { commit?: string } {
  const commit = readCommit(root);
  return commit === undefined ? {} : { commit };
}
