import type { ExecEnv } from '../prove/exec/ExecEnv.js';
import { isFork, type Fork, type ForkOption } from '../prove/exec/Fork.js';
import { extendPath } from '../prove/exec/PathCond.js';
import { clonePath, topFrame, type PathState } from '../prove/exec/PathState.js';
import { FrameHalt, Infeasible, NeedConcrete, PathUnknown } from '../prove/exec/signals.js';
import { endFrame } from '../prove/exec/endFrame.js';
import { step } from '../prove/exec/step.js';
import type { BoolExpr, BV, Z3Model } from '../prove/word/Word.js';
import type { RlimitSolver } from './RlimitSolver.js';
import { tryConstants } from './tryConstants.js';

/** How much one exploration may do; every bound is a count, so the outcome is deterministic. */
export interface FlipBudget {
  /** Symbolic instructions over all paths. */
  steps: number;
  /** Branch sides aimed at (each costs candidate values, then at most one query). */
  flips: number;
  /** Z3 queries (each bounded by the solver's rlimit). */
  queries: number;
}

export interface ExploreFlipsRequest {
  /** The call's first path state (see startPath), model unset. */
  start: PathState;
  x: ExecEnv;
  /** Pins the symbolic inputs to the corpus call's values: the path followed first is that call's. */
  anchor: BoolExpr;
  solver: RlimitSolver;
  /** The edge id when the jump from `pc` to `to` in the code at `address` has never run (and is worth a try). */
  wanted: (address: bigint, pc: number, to: number) => number | undefined;
  budget: FlipBudget;
  /** Values tried as candidates after the condition's own constants (the dictionary's). */
  values?: readonly bigint[];
  /** Checked before each query: the campaign was interrupted or its time is up. */
  stopped?: () => boolean;
}

/** A model that takes branch sides never run so far: the `aims`, in path order. */
export interface Flip {
  model: Z3Model;
  aims: number[];
}

export interface ExploreFlipsResult {
  flips: Flip[];
  /** Sides made feasible by a candidate value, and by Z3. */
  concrete: number;
  solved: number;
  steps: number;
  /** Every side aimed at, found or not. */
  tried: number[];
}

interface Work {
  s: PathState;
  aims: number[];
  /** Still on the corpus call's own path (the anchor holds). */
  anchored: boolean;
  /** A model of the path up to the last flip, kept for when the path later loses its model. */
  last?: Z3Model;
}

const JUMPI = 0x57;

/**
 * Concolic search from one call (SAGE's generational search, aimed at coverage): follow
 * the path the corpus call takes, and at each symbolic JUMPI whose other side never ran
 * ask for a model that takes it, constant candidates first (tryConstants), Z3 second.
 * Each side found is followed in turn under its model, so nested guards open in one
 * exploration. Every path that took a new side ends as a Flip; nothing here is trusted:
 * the campaign runs each flip for real and keeps it only if the EVM took the side.
 */
export async function exploreFlips(req: ExploreFlipsRequest): Promise<ExploreFlipsResult> {
  const { x, solver } = req;
  const ctx = x.ctx;
  const tried = new Set<number>();
  const firstQuery = solver.queries;
  const spent = () => solver.queries - firstQuery >= req.budget.queries || req.stopped?.() === true;
  const out: ExploreFlipsResult = { flips: [], concrete: 0, solved: 0, steps: 0, tried: [] };
  const work: Work[] = [{ s: req.start, aims: [], anchored: true }];

  const modelOf = async (w: Work): Promise<Z3Model | undefined> => {
    if (w.s.model === undefined && !spent()) w.s.model = await solver.model(w.s.path, ...(w.anchored ? [req.anchor] : []));
    return w.s.model;
  };
  const finish = (w: Work) => {
    const model = w.s.model ?? w.last;
    if (w.aims.length > 0 && model !== undefined) out.flips.push({ model, aims: w.aims });
  };
  const holds = (model: Z3Model, o: ForkOption) => o.cond === true || (o.cond !== false && ctx.isTrue(model.eval(o.cond, true)));

  /** Runs `fn` on the path: the fork it asks for, 'ended' / 'dropped', or undefined to go on. */
  const guarded = (s: PathState, fn: () => Fork | void): Fork | 'ended' | 'dropped' | undefined => {
    try {
      const r = fn();
      if (isFork(r)) return r;
    } catch (e) {
      if (e instanceof Infeasible) return 'dropped';
      if (e instanceof FrameHalt) endFrame(s, 'halt', [], s.at, e.reason);
      else if (e instanceof PathUnknown || e instanceof NeedConcrete) {
        s.end = { status: 'unknown', data: [], address: topFrame(s)?.codeAddress ?? 0n, pc: s.at, reason: e.message };
      } else throw e;
    }
    return s.end !== undefined ? 'ended' : undefined;
  };

  /** Aims at the other side of a JUMPI when it never ran: a new work item under a model that takes it. */
  const aim = async (w: Work, model: Z3Model, option: ForkOption, edge: number) => {
    tried.add(edge);
    const cond = option.cond as BoolExpr;
    const path = extendPath(w.s.path, cond);
    let m = tryConstants(ctx, model, path, cond, req.values);
    if (m !== undefined) out.concrete++;
    else if (!spent() && (m = await solver.model(path)) !== undefined) out.solved++;
    if (m === undefined) return;
    const t = clonePath(w.s);
    t.path = path;
    t.model = m;
    const r = guarded(t, () => option.apply(t));
    const next: Work = { s: t, aims: [...w.aims, edge], anchored: false, last: m };
    if (r === 'dropped') return;
    work.push(next);
    if (isFork(r)) pendingForks.set(next, r);
  };

  const pendingForks = new Map<Work, Fork>();

  /** Follows the option the path's model takes; aims at the other side of a JUMPI first. */
  const branch = async (w: Work, fork: Fork, jumpi: { address: bigint; pc: number; dest: number } | undefined): Promise<boolean> => {
    const model = await modelOf(w);
    if (model === undefined) return false;
    const follow = fork.options.findIndex((o) => holds(model, o));
    if (follow < 0) return false;
    if (jumpi !== undefined && fork.options.length === 2 && tried.size < req.budget.flips) {
      const other = 1 - follow;
      const edge = req.wanted(jumpi.address, jumpi.pc, other === 0 ? jumpi.dest : jumpi.pc + 1);
      if (edge !== undefined && !tried.has(edge) && fork.options[other]!.cond !== false) await aim(w, model, fork.options[other]!, edge);
    }
    const o = fork.options[follow]!;
    if (o.cond !== true) w.s.path = extendPath(w.s.path, o.cond as BoolExpr);
    const r = guarded(w.s, () => o.apply(w.s));
    if (r === 'dropped') return false;
    if (isFork(r)) return branch(w, r, undefined);
    return true;
  };

  while (work.length > 0) {
    const w = work.pop()!;
    const s = w.s;
    let alive = true;
    const pending = pendingForks.get(w);
    if (pending !== undefined) {
      pendingForks.delete(w);
      alive = await branch(w, pending, undefined);
    }
    while (alive && s.end === undefined && out.steps < req.budget.steps) {
      const f = topFrame(s);
      const pc = f.pc;
      const top = f.code.bytes[pc] === JUMPI ? f.stack[f.stack.length - 1] : undefined;
      out.steps++;
      let r: Fork | void;
      try {
        r = step(s, x);
      } catch (e) {
        if (e instanceof NeedConcrete) {
          alive = await pin(w, e.word.e);
          continue;
        }
        if (e instanceof Infeasible) {
          alive = false;
          continue;
        }
        if (!(e instanceof PathUnknown)) throw e;
        s.end = { status: 'unknown', data: [], address: f.codeAddress, pc, reason: e.message };
        continue;
      }
      if (!isFork(r)) continue;
      const jumpi = typeof top === 'bigint' && top < BigInt(f.code.bytes.length) ? { address: f.codeAddress, pc, dest: Number(top) } : undefined;
      alive = await branch(w, r, jumpi);
    }
    // A path cut by the step budget still took its aims up to here: its model is worth a run.
    finish(w);
  }
  out.tried = [...tried];
  return out;

  /** The explorer's pin, without the other case: the word takes its value in the path's model. */
  async function pin(w: Work, term: BV): Promise<boolean> {
    const model = await modelOf(w);
    if (model === undefined) return false;
    const v = (model.eval(term, true) as unknown as { value(): bigint }).value();
    w.s.path = extendPath(w.s.path, term.eq(ctx.BitVec.val(v, term.size())));
    w.s.pinned.set(term.id(), { e: term, v });
    return true;
  }
}
