import type { SpecSession } from '../campaign/SpecSession.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { CataloguedLever } from './catalogLevers.js';
import { replayWithLevers, type LeveredReplay } from './replayWithLevers.js';
import type { EffectEntry } from './types.js';

export interface Counterexample {
  id: string;
  origin: 'original' | 'shrunk' | 'refuzz';
  calls: FuzzCall[];
  /** Without levers: the call after which the target breaks (undefined: it no longer breaks). */
  violationIndex?: number;
  /** Without levers: each call's revert reason (undefined: it went through). */
  reverts: (string | undefined)[];
  /** Calls of the reported sequence to levers or their undos, left out (the attacker holds no guardian power). */
  droppedGuardianCalls?: number;
}

/** "Had we paused after step j" is asked for at most this many steps of a long sequence (spread evenly). */
const MAX_STEPS = 64;

/** Replays a counterexample without levers, to know where it breaks and which calls revert anyway. */
export async function measureCounterexample(session: SpecSession, target: string, id: string, origin: Counterexample['origin'], calls: FuzzCall[]): Promise<Counterexample> {
  const r = await replayWithLevers(session, calls, target, [], -1);
  return { id, origin, calls, ...(r.violationAt !== undefined ? { violationIndex: r.violationAt } : {}), reverts: r.reverts };
}

/**
 * For each counterexample and lever: pulled before the first call, and after each step
 * before the violation, is the violation prevented, and where does the attack now revert?
 */
export async function buildEffectMatrix(session: SpecSession, target: string, cxs: readonly Counterexample[], levers: readonly CataloguedLever[], signal?: AbortSignal): Promise<EffectEntry[]> {
  const out: EffectEntry[] = [];
  for (const cx of cxs) {
    if (cx.violationIndex === undefined) continue;
    for (const l of levers) {
      for (const after of stepsBefore(cx.violationIndex)) {
        if (signal?.aborted) return out;
        out.push(toEntry(cx, l.lever.id, after, await replayWithLevers(session, cx.calls, target, [l], after)));
      }
    }
  }
  return out;
}

export function toEntry(cx: Counterexample, lever: string, after: number, r: LeveredReplay): EffectEntry {
  const base = { lever, counterexample: cx.id, after };
  if (r.leverError) return { ...base, outcome: 'lever-failed', leverError: r.leverError.reason };
  // The first call that went through without the lever and reverts with it is where the attack is stopped.
  const i = r.reverts.findIndex((reason, k) => reason !== undefined && cx.reverts[k] === undefined);
  const revertsAt = i < 0 ? undefined : { index: i, function: cx.calls[i]!.target.signature, reason: r.reverts[i]! };
  if (r.violationAt !== undefined) return { ...base, outcome: 'not-prevented', violationAt: r.violationAt, ...(revertsAt ? { revertsAt } : {}) };
  return { ...base, outcome: 'prevented', ...(revertsAt ? { revertsAt } : {}) };
}

function stepsBefore(violationIndex: number): number[] {
  const all = Array.from({ length: violationIndex + 1 }, (_, k) => k - 1);
  if (all.length <= MAX_STEPS) return all;
  const picked = new Set<number>();
  for (let k = 0; k < MAX_STEPS; k++) picked.add(all[Math.round((k * (all.length - 1)) / (MAX_STEPS - 1))]!);
  return [...picked];
}
