import type { ExecEnv, TxEnv } from '../exec/ExecEnv.js';
import { isFork, type Fork } from '../exec/Fork.js';
import { extendPath, type PathCond } from '../exec/PathCond.js';
import { clonePath, note, topFrame, type PathState, type SymbolicState } from '../exec/PathState.js';
import { defaultSevmOptions, type SevmOptions } from '../exec/SevmOptions.js';
import { FrameHalt, Infeasible, NeedConcrete, PathUnknown, type UnknownKind } from '../exec/signals.js';
import { endFrame } from '../exec/endFrame.js';
import { step } from '../exec/step.js';
import { KeccakFunctions } from '../keccak/KeccakFunctions.js';
import type { BV, Ctx, Z3Model } from '../word/Word.js';
import { HardForBitBlasting } from './HardForBitBlasting.js';
import { IncrementalSolver, type CheckResult } from './IncrementalSolver.js';
import { confirmRefinements } from './confirmRefinements.js';
import { startPath } from './startPath.js';
import { trySamples } from './trySamples.js';
import type { EndPath, ExploreResult, ExploreStats, GlobalBudget, SymbolicCall } from './types.js';

export interface ExploreRequest {
  state: SymbolicState;
  call: SymbolicCall;
  tx: TxEnv;
  options?: Partial<SevmOptions>;
}

interface Work {
  s: PathState;
  fork?: Fork;
}

/** A first solver call this short answers most checks; harder ones try samples before the full timeout. */
const QUICK_CHECK_MS = 1_000;
const SAMPLES = 64;
/** The integer form's time on a path too hard to bit-blast: its only solver call. */
const HARD_INTEGER_MS = 5_000;

/** Steps between clock reads: Date.now() per instruction would cost more than most opcodes. */
const CLOCK_EVERY = 2048;

/**
 * The path explorer: from a state (concrete, symbolic or mixed) it runs one call to a
 * deployed contract depth-first and returns every end path with its condition. Forks
 * keep each option that may hold; the solver is asked only when the path's model does
 * not already satisfy an option. Nothing is dropped unless proved infeasible: a bound,
 * a budget or an unmodelled feature ends a path as `unknown` with its reason.
 */
export class SymbolicEvm {
  readonly keccak: KeccakFunctions;
  private readonly solver: IncrementalSolver;
  private readonly hard: HardForBitBlasting;

  constructor(readonly ctx: Ctx) {
    this.keccak = new KeccakFunctions(ctx);
    this.solver = new IncrementalSolver(ctx);
    this.hard = new HardForBitBlasting(ctx);
  }

  async explore(req: ExploreRequest): Promise<ExploreResult> {
    const options = { ...defaultSevmOptions, ...req.options };
    const x: ExecEnv = { ctx: this.ctx, options, keccak: this.keccak, tx: req.tx };
    const started = Date.now();
    const deadline = started + options.timeoutMs;
    const checksBefore = this.solver.checks;
    const msBefore = this.solver.ms;
    const stats: ExploreStats = { paths: 0, steps: 0, forks: 0, pruned: 0, solverChecks: 0, solverMs: 0, ms: 0 };
    const paths: EndPath[] = [];
    let budget: GlobalBudget | undefined;
    const work: Work[] = [];
    const state = req.state.path === undefined && req.state.model === undefined ? { ...req.state, model: this.solver.emptyModel() } : req.state;
    try {
      work.push({ s: startPath(state, req.call, x) });
    } catch (e) {
      if (!(e instanceof Infeasible)) throw e;
      stats.pruned++;
    }

    const endUnknown = (s: PathState, kind: UnknownKind, detail: string) => {
      const f = s.frames[s.frames.length - 1];
      s.end = { status: 'unknown', data: [], address: f?.codeAddress ?? req.call.to, pc: s.at, reason: detail, unknown: kind };
    };

    const finish = async (s: PathState) => {
      stats.steps += s.steps;
      if (s.end!.status !== 'unknown') confirmRefinements(this.ctx, s);
      // A path that added no condition to the state it started from (a view without branches)
      // is exactly as feasible as that state, which its caller decided or kept undecided.
      if (s.model === undefined && s.end!.status !== 'unknown' && s.path !== req.state.path) {
        const r = await this.decide(s.path, s.near, options, deadline);
        if (r.status === 'unsat') {
          stats.pruned++;
          return;
        }
        if (r.status === 'sat') s.model = r.model;
        else note(s, `the solver could not decide this path's condition (${r.reason})`);
      }
      const e = s.end!;
      paths.push({
        world: s.world, path: s.path, model: s.model, keccak: s.keccak, keccakDefined: s.keccakDefined, fresh: s.fresh, notes: s.notes, refinements: s.refinements,
        status: e.status, returnData: e.data, logs: s.logs, address: e.address, pc: e.pc, steps: s.steps,
        ...(e.reason !== undefined ? { reason: e.reason } : {}),
        ...(e.unknown !== undefined ? { unknown: e.unknown } : {}),
      });
    };

    /** Runs `fn` on `s`; the path's end, a fork to follow, or nothing if it is infeasible. */
    const guard = async (s: PathState, fn: () => Fork | void): Promise<Fork | 'ended' | 'dropped' | undefined> => {
      try {
        const r = fn();
        return isFork(r) ? r : s.end !== undefined ? 'ended' : undefined;
      } catch (e) {
        let err = e;
        if (err instanceof NeedConcrete) {
          try {
            return await this.pinFork(s, err, options, deadline);
          } catch (again) {
            err = again;
          }
        }
        if (err instanceof PathUnknown) endUnknown(s, err.kind, err.detail);
        else if (err instanceof FrameHalt) endFrame(s, 'halt', [], s.at, err.reason);
        else if (err instanceof Infeasible) return 'dropped';
        else throw err;
        return s.end !== undefined ? 'ended' : undefined;
      }
    };

    const run = async (s: PathState) => {
      const limit = s.steps + options.maxSteps;
      for (;;) {
        if (s.end !== undefined) return finish(s);
        if (s.steps >= limit) {
          endUnknown(s, 'step-budget', `step budget of ${options.maxSteps} instructions hit at pc ${s.at}`);
          continue;
        }
        if (s.steps % CLOCK_EVERY === 0 && Date.now() > deadline) {
          endUnknown(s, 'time-budget', `time budget of ${options.timeoutMs} ms hit at pc ${topFrame(s).pc}`);
          continue;
        }
        const r = await guard(s, () => step(s, x));
        if (r === 'dropped') {
          stats.pruned++;
          return;
        }
        if (r !== undefined && r !== 'ended') return push({ s, fork: r });
      }
    };

    const push = (item: Work) => {
      if (work.length >= options.maxPending) {
        endUnknown(item.s, 'pending-budget', `more than ${options.maxPending} paths waiting`);
        budget ??= 'pending';
        return finish(item.s);
      }
      work.push(item);
    };

    const branch = async (s: PathState, fork: Fork) => {
      stats.forks++;
      const kept: { apply: Fork['options'][number]['apply']; path: PathState['path']; model: Z3Model | undefined; unsure?: boolean }[] = [];
      for (const o of fork.options) {
        const c = o.cond;
        if (c === false) continue;
        if (c === true) {
          kept.push({ apply: o.apply, path: s.path, model: s.model });
          continue;
        }
        const path = extendPath(s.path, c);
        if (s.model !== undefined && this.ctx.isTrue(s.model.eval(c, true))) {
          kept.push({ apply: o.apply, path, model: s.model });
          continue;
        }
        const r = await this.decide(path, s.model ?? s.near, options, deadline);
        if (r.status === 'unsat') stats.pruned++;
        else kept.push({ apply: o.apply, path, model: r.status === 'sat' ? r.model : undefined, unsure: r.status === 'unknown' });
      }
      const copies = kept.map((_, i) => (i === kept.length - 1 ? s : clonePath(s)));
      const next: Work[] = [];
      for (let i = 0; i < kept.length; i++) {
        const t = copies[i]!;
        const k = kept[i]!;
        t.path = k.path;
        t.model = k.model;
        if (k.unsure) note(t, `the solver could not decide a branch at pc ${t.at} (kept)`);
        const r = await guard(t, () => k.apply(t));
        if (r === 'dropped') stats.pruned++;
        else if (r === 'ended') await finish(t);
        else next.push(r === undefined ? { s: t } : { s: t, fork: r });
      }
      for (let i = next.length - 1; i >= 0; i--) await push(next[i]!);
    };

    while (work.length > 0) {
      if (paths.length >= options.maxPaths || Date.now() > deadline) {
        budget ??= paths.length >= options.maxPaths ? 'paths' : 'time';
        for (const item of work.splice(0)) {
          const kind = budget === 'paths' ? 'path-budget' : 'time-budget';
          endUnknown(item.s, kind, budget === 'paths' ? `path budget of ${options.maxPaths} reached` : `time budget of ${options.timeoutMs} ms reached`);
          await finish(item.s);
        }
        break;
      }
      const item = work.pop()!;
      if (item.fork !== undefined) await branch(item.s, item.fork);
      else await run(item.s);
    }
    stats.paths = paths.length;
    stats.solverChecks = this.solver.checks - checksBefore;
    stats.solverMs = this.solver.ms - msBefore;
    stats.ms = Date.now() - started;
    return { paths, stats, ...(budget !== undefined ? { budget } : {}) };
  }

  /**
   * Satisfiability of a path: a short solver call first; if Z3 cannot answer quickly,
   * concrete samples around a model of the path's prefix (see trySamples), the integer
   * form, then Z3 with its full timeout. A path Z3 cannot bit-blast in time (see
   * HardForBitBlasting) skips both bit-vector calls: its answer is the samples' or the
   * integer form's, else unknown (the branch is kept).
   */
  private async decide(path: PathCond | undefined, near: Z3Model | undefined, options: SevmOptions, deadline: number): Promise<CheckResult> {
    const remaining = () => Math.max(1, deadline - Date.now());
    const quick = Math.min(QUICK_CHECK_MS, options.solverTimeoutMs);
    const hard = this.hard.path(path);
    if (!hard) {
      const first = await this.solver.check(path, Math.min(quick, remaining()));
      if (first.status !== 'unknown' || quick >= options.solverTimeoutMs) return first;
    }
    if (near !== undefined && path !== undefined) {
      const m = trySamples(this.ctx, near, path, path.cond, SAMPLES);
      if (m !== undefined) return { status: 'sat', model: m };
    }
    // Over integers a branch that needs a wrapped sum (an overflow check) is often plainly infeasible.
    const integer = await this.solver.checkIntegers(path, Math.min(hard ? HARD_INTEGER_MS : QUICK_CHECK_MS * 2, options.solverTimeoutMs, remaining()), near);
    if (integer.status !== 'unknown' || hard) return integer;
    return this.solver.check(path, Math.min(options.solverTimeoutMs, remaining()));
  }

  /** Is a path condition satisfiable? For properties over end paths and for model refinement. */
  check(path: PathCond | undefined, timeoutMs = defaultSevmOptions.solverTimeoutMs): Promise<CheckResult> {
    return this.solver.checkOnce(path, timeoutMs, !this.hard.path(path));
  }

  /** The fork that pins a symbolic word to its value in the path's model (see NeedConcrete). */
  private async pinFork(s: PathState, e: NeedConcrete, options: SevmOptions, deadline: number): Promise<Fork | 'dropped'> {
    let model = s.model;
    if (model === undefined) {
      const r = await this.decide(s.path, s.near, options, deadline);
      if (r.status === 'unsat') return 'dropped';
      if (r.status === 'unknown') throw new PathUnknown('solver-unknown', `the solver could not decide the path before pinning a ${e.what} (${r.reason})`);
      model = s.model = r.model;
    }
    const term: BV = e.word.e;
    const v = (model.eval(term, true) as unknown as { value(): bigint }).value();
    const at = s.at;
    const val = this.ctx.BitVec.val(v, 256);
    return {
      options: [
        { cond: term.eq(val), apply: (t) => void t.pinned.set(term.id(), { e: term, v }) },
        { cond: term.neq(val), apply: () => { throw new PathUnknown('symbolic-value', `symbolic ${e.what} at pc ${at} has more than one value`); } },
      ],
    };
  }
}
