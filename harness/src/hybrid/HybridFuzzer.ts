import { edgeSlot, type CodeCoverage, type CoverageMap } from '../chain/CoverageMap.js';
import { encodeCall } from '../campaign/encodeCall.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { Corpus, CorpusEntry } from '../fuzz/Corpus.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import { KeccakFunctions } from '../prove/keccak/KeccakFunctions.js';
import { openZ3, type Z3Session } from '../prove/z3/openZ3.js';
import { edgeIdOf } from '../chain/edgeIdOf.js';
import { exploreFlips } from './exploreFlips.js';
import { findUnflippedBranches } from './findUnflippedBranches.js';
import type { HybridMode } from './HybridMode.js';
import { emptyHybridStats, type HybridStats } from './HybridStats.js';
import { isVigilError } from '../errors/VigilError.js';
import { RlimitSolver } from './RlimitSolver.js';
import { symbolicLastCall } from './symbolicLastCall.js';

/** A sequence the solver proposes: run it, and keep it only if its last call takes one of `aims`. */
export interface HybridCandidate {
  calls: FuzzCall[];
  aims: readonly number[];
}

interface Pace {
  /** Runs in a row without a new edge that make a stall. */
  stallRuns: number;
  /** Fuzzed calls before the first round (a short campaign never loads Z3), and between two rounds. */
  callsFirst: number;
  callsBetweenRounds: number;
  /** Wall-time share of the campaign hybrid rounds may take, checked only under a time budget. */
  timeShare: number;
}

const PACE: Record<Exclude<HybridMode, 'off'>, Pace> = {
  on: { stallRuns: 4, callsFirst: 0, callsBetweenRounds: 0, timeShare: 1 },
  auto: { stallRuns: 32, callsFirst: 5_000, callsBetweenRounds: 10_000, timeShare: 0.25 },
};

/** Corpus sequences explored per round, newest first. */
const ENTRIES_PER_ROUND = 4;
/** Times one branch side is aimed at (from different sequences) before it is given up. */
const TRIES_PER_EDGE = 2;
/**
 * Z3's resource limit per query: a deterministic budget. Its units are not time: a 64-bit
 * guard solved in 10 ms used 0.7 M, a 128-bit factoring it cannot do stops at 2 M after ~7 s.
 */
const RLIMIT = 2_000_000;
/** Queries per round, and queries that may exhaust the limit before the round ends: hard rounds stay short. */
const ROUND_QUERIES = 16;
const ROUND_EXHAUSTED = 2;
const BUDGET = { steps: 100_000, flips: 16, queries: 8 };

/**
 * Hybrid fuzzing for one campaign. The campaign tells it after every run whether the run
 * reached new edges; once the search stalls it scans the coverage for JUMPIs that always
 * went one way, picks corpus sequences whose last call first reached such a JUMPI, replays
 * each one's prefix on the chain and explores its last call symbolically (exploreFlips).
 * The proposed sequences go back to the campaign, which runs them with every check and
 * keeps in the corpus only those the EVM confirms. Z3 is opened on the first round that
 * has something to explore, and closed by `close`.
 *
 * Determinism: rounds happen after a number of runs, budgets are counts and Z3's rlimit.
 * The one clock is `auto`'s time share under a time budget (a campaign that ends on time
 * is not reproducible run for run anyway).
 */
export class HybridFuzzer {
  readonly stats: HybridStats = emptyHybridStats();
  private readonly pace: Pace;
  private readonly explored = new Set<number>();
  private readonly tries = new Map<number, number>();
  private quietRuns = 0;
  private nextRoundAt: number;
  private z3: { session: Z3Session; solver: RlimitSolver; keccak: KeccakFunctions } | undefined;

  constructor(
    private readonly session: SpecSession,
    private readonly coverage: CoverageMap,
    mode: Exclude<HybridMode, 'off'>,
    private readonly start = Date.now(),
  ) {
    this.pace = PACE[mode];
    this.nextRoundAt = this.pace.callsFirst;
  }

  /** Books a finished run; true when a round is due now. */
  afterRun(newEdges: number, calls: number): boolean {
    if (this.stats.disabled !== undefined) return false;
    this.quietRuns = newEdges > 0 ? 0 : this.quietRuns + 1;
    if (this.quietRuns < this.pace.stallRuns || calls < this.nextRoundAt) return false;
    if (this.session.settings.timeLimitMs !== undefined && this.stats.timeMs > this.pace.timeShare * (Date.now() - this.start)) return false;
    this.quietRuns = 0;
    this.nextRoundAt = calls + this.pace.callsBetweenRounds;
    return true;
  }

  /** Explores up to a few corpus sequences and returns what the solver proposes (possibly nothing). */
  async round(corpus: Corpus, stopped: () => boolean): Promise<HybridCandidate[]> {
    const t0 = Date.now();
    const addresses = this.session.chain.codeAddresses();
    const branches = await findUnflippedBranches(this.session.chain, this.coverage, addresses);
    const open = new Set(branches.filter((b) => (this.tries.get(b.missing.edge) ?? 0) < TRIES_PER_EDGE).map((b) => b.covered.edge));
    const picks = corpus.entries
      .filter((e) => !this.explored.has(e.serial) && e.calls.length > 0 && e.edges.some((id) => open.has(id)))
      .sort((a, b) => b.serial - a.serial)
      .slice(0, ENTRIES_PER_ROUND);
    if (picks.length === 0) return [];
    this.stats.rounds++;
    const candidates: HybridCandidate[] = [];
    try {
      const z3 = await this.openZ3();
      const codes = new Map<bigint, CodeCoverage>();
      for (const a of addresses) codes.set(BigInt(a), this.coverage.forCode(await this.session.chain.getCode(a)));
      const seen = new Set<string>();
      const q0 = z3.solver.queries;
      const e0 = z3.solver.exhausted;
      const roundSpent = () => stopped() || z3.solver.queries - q0 >= ROUND_QUERIES || z3.solver.exhausted - e0 >= ROUND_EXHAUSTED;
      for (const entry of picks) {
        if (roundSpent()) break;
        this.explored.add(entry.serial);
        for (const c of await this.explore(entry, z3, codes, roundSpent)) {
          const key = c.calls.map((call) => `${encodeCall(call).data}:${call.sender}:${call.value}`).join('|');
          if (seen.has(key)) continue;
          seen.add(key);
          candidates.push(c);
        }
      }
    } catch (e) {
      // Hybrid only speeds the search up: when Z3 cannot serve (no memory for its heap, say) fuzzing goes on without it.
      if (isVigilError(e)) throw e;
      this.stats.disabled = `hybrid fuzzing stopped: ${(e as Error).message.split('\n')[0]}`;
      this.stats.queries = this.z3?.solver.queries ?? this.stats.queries;
      await this.close();
      return [];
    } finally {
      this.stats.queries = this.z3?.solver.queries ?? this.stats.queries;
      this.stats.timeMs += Date.now() - t0;
    }
    return candidates;
  }

  /** Books a candidate's real run: `admitted` when its last call took an aimed side (it joined the corpus). */
  book(admitted: boolean, newEdges: number, ms: number): void {
    this.stats.candidates++;
    this.stats.timeMs += ms;
    if (!admitted) return;
    this.stats.corpusEntries++;
    this.stats.newEdges += newEdges;
  }

  async close(): Promise<void> {
    const z3 = this.z3;
    this.z3 = undefined;
    await z3?.session.close();
  }

  private async openZ3() {
    if (this.z3 === undefined) {
      const session = await openZ3();
      this.z3 = { session, solver: new RlimitSolver(session.ctx, RLIMIT), keccak: new KeccakFunctions(session.ctx) };
    }
    return this.z3;
  }

  /** Replays the entry's prefix on the chain, then searches its last call for sides never run. */
  private async explore(entry: CorpusEntry, z3: NonNullable<HybridFuzzer['z3']>, codes: Map<bigint, CodeCoverage>, stopped: () => boolean): Promise<HybridCandidate[]> {
    const { chain } = this.session;
    this.stats.explored++;
    chain.revertTo(this.session.base);
    const prefix = entry.calls.slice(0, -1);
    for (const call of prefix) {
      const p = encodeCall(call);
      if (p.timeDelta !== 0n || p.blockDelta !== 0n) chain.advance(p.timeDelta, p.blockDelta);
      await chain.call({ from: p.sender, to: p.target.contract.address, data: p.data, value: p.value });
    }
    const last = entry.calls[entry.calls.length - 1]!;
    const prepared = encodeCall(last);
    if (last.timeDelta !== 0n || last.blockDelta !== 0n) chain.advance(last.timeDelta, last.blockDelta);
    const setup = await symbolicLastCall(z3.session.ctx, z3.keccak, this.session, last, prepared.data);
    if (setup === undefined) return [];
    const result = await exploreFlips({
      start: setup.start, x: setup.x, anchor: setup.anchor, solver: z3.solver, budget: BUDGET, stopped,
      wanted: (address, pc, to) => this.wanted(codes.get(address), pc, to),
    });
    for (const edge of result.tried) this.tries.set(edge, (this.tries.get(edge) ?? 0) + 1);
    this.stats.concrete += result.concrete;
    this.stats.solved += result.solved;
    const out: HybridCandidate[] = [];
    for (const flip of result.flips) {
      const call = setup.toFuzzCall(flip.model);
      if (call !== undefined) out.push({ calls: [...prefix, call], aims: flip.aims });
    }
    return out;
  }

  private wanted(c: CodeCoverage | undefined, pc: number, to: number): number | undefined {
    if (c === undefined) return undefined;
    const slot = edgeSlot(pc, to, c.mask);
    if (c.edges[slot]! > 0) return undefined;
    const id = edgeIdOf(c, slot);
    return (this.tries.get(id) ?? 0) < TRIES_PER_EDGE ? id : undefined;
  }
}
