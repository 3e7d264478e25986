import { VigilError } from '../errors/VigilError.js';
import { fromCallRecord } from '../campaign/fromCallRecord.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import { toCallRecord } from '../campaign/toCallRecord.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { Finding } from '../report/types.js';
import { vigilVersion } from '../version.js';
import { buildEffectMatrix, measureCounterexample, toEntry, type Counterexample } from './buildEffectMatrix.js';
import { catalogLevers, type CataloguedLever } from './catalogLevers.js';
import { classifySeverity, classifyUrgency } from './classifySeverity.js';
import { honestTraffic } from './honestTraffic.js';
import { leverWeight } from './leverWeight.js';
import { measureSideEffects, runHonest } from './measureSideEffects.js';
import { openZ3 } from '../prove/z3/openZ3.js';
import { refuzzWithLevers } from './refuzzWithLevers.js';
import { replayWithLevers } from './replayWithLevers.js';
import { solveCovers } from './solveCovers.js';
import { RECOMMENDATION_SCHEMA_VERSION, type Cover, type EffectEntry, type Recommendation, type RecommendOptions, type SideEffects } from './types.js';

export type { Recommendation, RecommendOptions } from './types.js';

/**
 * What to pull when `finding` breaks: the least disruptive set of levers that stops every
 * known form of the attack, shown by replay from the session's baseline (the state before
 * the attack), hardened by re-fuzzing with the levers in place, with what they cost honest
 * users and how to undo them. The session's chain is left at its baseline.
 */
export async function recommend(session: SpecSession, finding: Finding, options: RecommendOptions = {}): Promise<Recommendation> {
  const started = Date.now();
  const say = options.onProgress ?? (() => undefined);
  const target = finding.id;
  const seed = options.seed ?? session.settings.seed;

  const { levers, skipped } = await catalogLevers(session);
  const guardian = new Set(levers.flatMap((l) => l.functions));
  const cxs = await knownCounterexamples(session, finding, guardian);
  say(`${levers.length} lever${levers.length === 1 ? '' : 's'} found; ${cxs.length} counterexample${cxs.length === 1 ? '' : 's'} replay`);

  const traffic = await honestTraffic(session, { given: options.honest, corpusDir: options.corpusDir ?? '.vigil/corpus', seed });
  const baseline = [];
  for (const seq of traffic) baseline.push(await runHonest(session, seq, []));
  const perLever: Record<string, SideEffects> = {};
  const weights: Record<string, number> = {};
  for (const l of levers) {
    perLever[l.lever.id] = await measureSideEffects(session, traffic, baseline, [l]);
    weights[l.lever.id] = leverWeight(l.lever, perLever[l.lever.id]);
  }
  say(`side effects measured on ${traffic.length} honest sequence${traffic.length === 1 ? '' : 's'}`);

  const matrix = await buildEffectMatrix(session, target, cxs, levers, options.signal);
  const byId = new Map(levers.map((l) => [l.lever.id, l]));
  const excluded: string[][] = [];
  const refuzz: Recommendation['evidence']['refuzz'] = [];
  const rounds = options.refuzz?.rounds ?? 3;
  const count = 1 + (options.alternatives ?? 3);
  let covers: Cover[] = [];
  const z3 = await openZ3('recommend');
  try {
    for (let round = 0; ; round++) {
      covers = await solveCovers(z3, { weights, rows: rowsOf(cxs, matrix), excluded }, count);
      const chosen = covers[0];
      if (chosen === undefined || options.signal?.aborted) break;
      const pulled = chosen.levers.map((id) => byId.get(id)!);
      // Levers that each stop an attack alone may still clash together (one voids the other's batch).
      if (!(await stopsAll(session, target, cxs, pulled))) {
        excluded.push(chosen.levers);
        continue;
      }
      if (round >= rounds) break;
      say(`re-fuzzing with ${chosen.levers.join(' + ')} pulled (round ${round + 1})`);
      const result = await refuzzWithLevers(session, pulled, target, {
        seed: seed + round, runs: options.refuzz?.runs ?? 50, depth: options.refuzz?.depth ?? 50,
        ...(options.refuzz?.timeLimitMs !== undefined ? { timeLimitMs: options.refuzz.timeLimitMs } : { timeLimitMs: 30_000 }),
      }, options.signal);
      const entry = { round: round + 1, levers: chosen.levers, runs: result.runs, calls: result.calls, found: [] as string[] };
      refuzz.push(entry);
      if (result.found === undefined) break;
      for (const [origin, calls] of [['shrunk', result.found.shrunk], ['original', result.found.original]] as const) {
        const id = `refuzz-${round + 1}${origin === 'original' ? '-original' : ''}`;
        if (cxs.some((c) => sameCalls(c.calls, calls))) continue;
        const cx = await measureCounterexample(session, target, id, 'refuzz', calls);
        cxs.push(cx);
        entry.found.push(id);
        if (cx.violationIndex === undefined) continue;
        matrix.push(...await buildEffectMatrix(session, target, [cx], levers, options.signal));
      }
      // A way around that breaks only with the levers in place is caused by them: never choose that set again.
      if (entry.found.every((id) => cxs.find((c) => c.id === id)!.violationIndex === undefined)) excluded.push(chosen.levers);
    }
  } finally {
    await z3.close();
  }

  const chosen = covers[0] ?? null;
  const pulled = (chosen?.levers ?? []).map((id) => byId.get(id)!);
  const chosenReplays = [];
  for (const cx of chosen ? cxs.filter((c) => c.violationIndex !== undefined) : []) {
    const e = toEntry(cx, chosen!.levers.join('+'), -1, await replayWithLevers(session, cx.calls, target, pulled, -1));
    chosenReplays.push({ counterexample: cx.id, outcome: e.outcome, ...(e.revertsAt ? { revertsAt: e.revertsAt } : {}) });
  }
  const chosenEffects = chosen ? await measureSideEffects(session, traffic, baseline, pulled) : null;
  session.chain.revertTo(session.base);
  session.checks.reset();

  const severity = classifySeverity(finding);
  const shortest = cxs.filter((c) => c.violationIndex !== undefined).sort((a, b) => a.violationIndex! - b.violationIndex!)[0]!;
  const attack = shortest.calls.slice(0, shortest.violationIndex! + 1);
  const urgency = classifyUrgency(severity.level, {
    calls: attack.length,
    senders: new Set(attack.map((c) => c.sender)).size,
    waitSeconds: attack.slice(1).reduce((s, c) => s + c.timeDelta, 0n),
    stoppableMidway: matrix.some((e) => e.after >= 0 && e.outcome === 'prevented' && (chosen?.levers ?? []).includes(e.lever)),
  });

  return {
    schemaVersion: RECOMMENDATION_SCHEMA_VERSION,
    tool: { name: 'vigil', version: vigilVersion },
    spec: session.name,
    finding: { id: finding.id, kind: finding.kind, name: finding.name, message: finding.message },
    severity, urgency,
    status: chosen ? 'covered' : 'no-cover',
    levers: levers.map((l) => l.lever),
    chosen,
    alternatives: covers.slice(1),
    weights,
    undoPlan: [...pulled].reverse().flatMap((l) => (l.lever.undo ? [{
      lever: l.lever.id, call: l.lever.undo.call,
      ...(l.lever.undo.authority.signer ? { signer: l.lever.undo.authority.signer } : {}),
      holders: l.lever.undo.authority.holders,
    }] : [])),
    evidence: {
      counterexamples: cxs.map((c) => ({
        id: c.id, origin: c.origin, violationIndex: c.violationIndex ?? -1, calls: c.calls.map((x) => toCallRecord(x)),
        ...(c.droppedGuardianCalls ? { droppedGuardianCalls: c.droppedGuardianCalls } : {}),
      })),
      matrix, chosenReplays, refuzz,
    },
    sideEffects: { chosen: chosenEffects, perLever },
    skipped,
    durationMs: Date.now() - started,
  };
}

/** The finding's shrunk and original counterexamples as calls of this session, each replayed once without levers. */
async function knownCounterexamples(session: SpecSession, finding: Finding, guardian: ReadonlySet<string>): Promise<Counterexample[]> {
  const out: Counterexample[] = [];
  const problems: string[] = [];
  for (const [origin, ce] of [['shrunk', finding.shrunk], ['original', finding.original]] as const) {
    const calls = ce.calls.map((r) => fromCallRecord(session, r));
    const problem = calls.find((c): c is { problem: string } => 'problem' in c);
    if (problem) {
      problems.push(`${origin}: ${problem.problem}`);
      continue;
    }
    // The attacker holds no guardian power: its calls to levers and their undos (a fuzzed
    // owner unpausing) are dropped, as re-fuzzing leaves those functions out.
    const attack = (calls as FuzzCall[]).filter((c) => !guardian.has(`${c.target.contract.address}:${c.target.selector}`));
    if (out.some((c) => sameCalls(c.calls, attack))) continue;
    const cx = await measureCounterexample(session, finding.id, origin, origin, attack);
    out.push(attack.length < calls.length ? { ...cx, droppedGuardianCalls: calls.length - attack.length } : cx);
  }
  if (!out.some((c) => c.violationIndex !== undefined)) {
    throw new VigilError('RECOMMEND_NOT_REPRODUCED', `${finding.id}: no counterexample of the finding breaks the check from this state`, {
      meta: [...problems, ...out.map((c) => `${c.origin}: ${c.calls.length} calls ran without breaking it`)],
    });
  }
  return out;
}

/** One row per reproducing counterexample: the levers that stop it when pulled before its first call. */
function rowsOf(cxs: readonly Counterexample[], matrix: readonly EffectEntry[]): string[][] {
  return cxs.filter((c) => c.violationIndex !== undefined)
    .map((c) => matrix.filter((e) => e.counterexample === c.id && e.after === -1 && e.outcome === 'prevented').map((e) => e.lever));
}

function sameCalls(a: readonly FuzzCall[], b: readonly FuzzCall[]): boolean {
  return a.length === b.length && a.every((c, i) => toCallRecord(c).calldata === toCallRecord(b[i]!).calldata && c.sender === b[i]!.sender && c.timeDelta === b[i]!.timeDelta);
}

async function stopsAll(session: SpecSession, target: string, cxs: readonly Counterexample[], levers: readonly CataloguedLever[]): Promise<boolean> {
  for (const cx of cxs.filter((c) => c.violationIndex !== undefined)) {
    const r = await replayWithLevers(session, cx.calls, target, levers, -1);
    if (r.leverError || r.violationAt !== undefined) return false;
  }
  return true;
}
