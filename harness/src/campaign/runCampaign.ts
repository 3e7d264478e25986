import { callGeneratorFor } from './callGeneratorFor.js';
import { isVigilError } from '../errors/VigilError.js';
import type { SpecError } from '../report/types.js';
import { CompactSequence } from '../fuzz/CompactSequence.js';
import { Corpus } from '../fuzz/Corpus.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import { SearchSchedule } from '../fuzz/SearchSchedule.js';
import type { CampaignProgress, CampaignResult, RawFinding } from './CampaignResult.js';
import { encodeCall } from './encodeCall.js';
import { executeCall } from './executeCall.js';
import { runSequence } from './runSequence.js';
import { shrinkSequence } from './shrinkSequence.js';
import { TimelineRecorder, timelineEvery } from './TimelineRecorder.js';
import { yieldToEventLoop } from './yieldToEventLoop.js';
import { HybridFuzzer } from '../hybrid/HybridFuzzer.js';
import type { SpecSession } from './SpecSession.js';

export interface CampaignOptions {
  signal?: AbortSignal;
  onProgress?: (p: CampaignProgress) => void;
  /** Counterexamples from earlier runs, replayed before the search. */
  persisted?: { id: string; calls: FuzzCall[] }[];
  /**
   * The coverage corpus of earlier runs, run (and checked) before the search so it starts
   * where they got to. Not counted as runs; a finding there is reported as found in run 0.
   */
  seeds?: FuzzCall[][];
  /** Time reserved for shrinking out of `timeLimitMs` (fraction). */
  shrinkShare?: number;
  /** Runs between two timeline samples (default from `runs`; workers of one campaign share one). */
  timelineEvery?: number;
}

const PROGRESS_EVERY_MS = 500;
const MAX_CORPUS = 1024;
/** Calls between two yields to the event loop (see yieldToEventLoop). */
const YIELD_EVERY = 16;

/**
 * One campaign: replay persisted failures, run the saved coverage corpus, then `runs` runs
 * of `depth` calls (or until the time budget), checking after every call. A run starts fresh
 * or from a (mutated) sequence of the corpus, which keeps every sequence that reached a new
 * edge (see SearchSchedule). Each distinct broken check is kept once and the search goes on;
 * shrinking comes last, on its own budget.
 */
export async function runCampaign(session: SpecSession, options: CampaignOptions = {}): Promise<CampaignResult> {
  const { settings, chain, checks } = session;
  const start = Date.now();
  const deadline = settings.timeLimitMs === undefined ? Infinity : start + settings.timeLimitMs;
  const searchDeadline = settings.timeLimitMs === undefined ? Infinity : start + settings.timeLimitMs * (1 - (options.shrinkShare ?? 0.2));
  const found = new Map<string, RawFinding>();
  const foundIds = new Set<string>();
  const functions: CampaignResult['functions'] = new Map(
    session.targets.map((t) => [t.signature + t.contract.key, { contract: t.contract.key, function: t.signature, calls: 0, reverts: 0 }]),
  );
  const stale: CampaignResult['stale'] = [];
  let calls = 0;
  let reverts = 0;
  let runs = 0;
  let lastProgress = start;
  const aborted = () => options.signal?.aborted === true;

  let error: SpecError | undefined;
  const stopOn = (e: unknown) => {
    // A spec check that threw or timed out: keep what was found, end the search here.
    if (!isVigilError(e)) throw e;
    error = { code: e.code, message: e.message, hint: e.hint, meta: e.meta };
  };
  try {
    for (const p of options.persisted ?? []) {
      const outcome = await runSequence(session, p.calls, { target: p.id });
      if (outcome.violation) {
        foundIds.add(p.id);
        found.set(p.id, {
          violation: outcome.violation,
          original: p.calls,
          shrunk: p.calls.slice(0, outcome.index + 1),
          run: -1,
          firstFoundMs: Date.now() - start,
          shrink: { attempts: 0, status: 'skipped' },
          replayedFromCorpus: true,
        });
      } else {
        stale.push({ id: p.id, message: `the saved counterexample (${p.calls.length} calls) no longer breaks it: fixed, or the code changed` });
      }
    }

  } catch (e) {
    stopOn(e);
  }

  const generator = callGeneratorFor(session, settings.seed);
  const progress = (phase: CampaignProgress['phase']) => {
    const now = Date.now();
    if (options.onProgress === undefined || now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    const elapsedMs = now - start;
    options.onProgress({
      run: runs, runs: settings.runs, calls, callsPerSec: Math.round((calls * 1000) / Math.max(1, elapsedMs)),
      findings: found.size, coverage: chain.coverage?.count() ?? 0, elapsedMs,
      timeLeftMs: deadline === Infinity ? undefined : Math.max(0, deadline - now), phase,
    });
  };

  const coverage = chain.coverage;
  const corpus = new Corpus({ hitsOf: (edge) => coverage?.hitsOf(edge) ?? 0, capacity: MAX_CORPUS });
  const schedule = new SearchSchedule(corpus, generator, settings.depth);
  const hybrid = coverage !== undefined && settings.hybrid !== 'off' ? new HybridFuzzer(session, coverage, settings.hybrid ?? 'auto', start) : undefined;
  const stopped = () => aborted() || Date.now() >= searchDeadline || error !== undefined;
  const timeline = new TimelineRecorder(start, options.timelineEvery ?? timelineEvery(settings.runs));
  const progressNow = () => ({ runs, calls, findings: found.size, edges: coverage?.newHits ?? 0 });
  const startSequence = () => {
    chain.revertTo(session.base);
    checks.reset();
    return { sequence: [] as FuzzCall[], compact: new CompactSequence() };
  };

  /**
   * One call of a run, checked; a run that reached new edges joins the corpus (its calls that
   * changed state), unless `admit` (a hybrid candidate's aims) turns its fresh edges down.
   */
  const runCall = async (call: FuzzCall, sequence: FuzzCall[], compact: CompactSequence, run: number, admit?: (fresh: readonly number[]) => boolean) => {
    sequence.push(call);
    if (coverage !== undefined) coverage.freshEdges.length = 0;
    const ex = await executeCall(session, encodeCall(call));
    const newEdges = coverage?.freshEdges.length ?? 0;
    const replacements = generator.learn(call.target, ex.result.compares, call.args);
    const admitted = newEdges > 0 && (admit === undefined || admit(coverage!.freshEdges));
    if (admitted) {
      const entry = compact.endingWith(call);
      corpus.add(entry, coverage!.freshEdges);
      schedule.compared(entry, replacements);
    }
    compact.push(call, ex.reverted);
    calls++;
    const stats = functions.get(call.target.signature + call.target.contract.key)!;
    stats.calls++;
    if (ex.reverted) {
      stats.reverts++;
      reverts++;
    }
    const before = checks.observe(ex);
    const violations = await checks.check(ex, before, foundIds);
    for (const v of violations) {
      foundIds.add(v.id);
      found.set(v.id, {
        violation: v, original: [...sequence], shrunk: [...sequence], run,
        firstFoundMs: Date.now() - start, shrink: { attempts: 0, status: 'skipped' },
      });
    }
    progress('search');
    return { newEdges, broken: violations.length > 0, admitted };
  };

  try {
    // The saved corpus first: its coverage and its entries are where this search starts.
    seeds: for (const seed of options.seeds ?? []) {
      const { sequence, compact } = startSequence();
      for (const call of seed.slice(0, settings.depth)) {
        if (sequence.length % YIELD_EVERY === 0) await yieldToEventLoop();
        if (stopped()) break seeds;
        if ((await runCall(call, sequence, compact, 0)).broken) break;
      }
    }

    search: for (let run = 0; run < settings.runs; run++) {
      if (stopped()) break;
      const { sequence, compact } = startSequence();
      runs++;
      const plan = schedule.next();
      let newEdges = 0;
      let broken = false;
      for (let step = 0; step < settings.depth; step++) {
        if (step % YIELD_EVERY === 0) await yieldToEventLoop();
        if (stopped()) break search;
        const outcome = await runCall(step < plan.calls.length ? plan.calls[step]! : generator.next(), sequence, compact, run);
        newEdges += outcome.newEdges;
        // The state is broken now; later calls would mostly report consequences of this one.
        if ((broken = outcome.broken)) break;
      }
      // End-of-run checks (forge's afterInvariant) on the state the whole run left.
      if (!broken && checks.afterRun !== undefined && sequence.length > 0) {
        for (const v of await checks.afterRun(foundIds)) {
          foundIds.add(v.id);
          found.set(v.id, {
            violation: v, original: [...sequence], shrunk: [...sequence], run,
            firstFoundMs: Date.now() - start, shrink: { attempts: 0, status: 'skipped' },
          });
        }
      }
      schedule.record(plan, newEdges);
      timeline.endOfRun(progressNow());
      // The search stalled: the solver proposes sequences, each run (and checked) here, at this point of the run order.
      if (hybrid?.afterRun(newEdges, calls)) {
        for (const candidate of await hybrid.round(corpus, stopped)) {
          await yieldToEventLoop();
          if (stopped()) break search;
          const t0 = Date.now();
          const { sequence, compact } = startSequence();
          let last = { newEdges: 0, broken: false, admitted: false };
          for (let i = 0; i < candidate.calls.length && !last.broken; i++) {
            const aimed = i === candidate.calls.length - 1 ? (fresh: readonly number[]) => candidate.aims.some((e) => fresh.includes(e)) : undefined;
            last = await runCall(candidate.calls[i]!, sequence, compact, run, aimed);
          }
          hybrid.book(last.admitted, last.newEdges, Date.now() - t0);
        }
      }
    }
  } catch (e) {
    stopOn(e);
  } finally {
    await hybrid?.close();
  }
  timeline.finish(progressNow());

  const interrupted = aborted();
  // After a check error the checks cannot be trusted to shrink against (they may throw again).
  if (!interrupted && error === undefined) {
    for (const f of found.values()) {
      if (f.replayedFromCorpus) continue;
      const result = await shrinkSequence(session, f.original, f.violation.id, {
        attempts: settings.shrinkLimit, deadline: Math.min(deadline, Date.now() + settings.shrinkTimeMs), signal: options.signal,
      });
      f.shrunk = result.calls;
      f.shrink = { attempts: result.attempts, status: result.status };
      progress('shrink');
    }
  }
  return {
    session, findings: [...found.values()], runs, calls, reverts, functions,
    durationMs: Date.now() - start, interrupted, stale, timeline: timeline.samples,
    ...(error !== undefined ? { error } : {}),
    ...(hybrid !== undefined && hybrid.stats.rounds > 0 ? { hybrid: hybrid.stats } : {}),
    corpus: corpus.best(MAX_CORPUS).map((e) => [...e.calls]),
  };
}
