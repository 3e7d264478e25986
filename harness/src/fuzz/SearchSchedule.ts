import type { Replacement } from './CallGenerator.js';
import type { Corpus, CorpusEntry } from './Corpus.js';
import type { FuzzCall } from './FuzzCall.js';
import { mutateSequence, type MutationSource } from './mutateSequence.js';

/**
 * How a run starts: from nothing, from a corpus entry as it is, from a mutant of one, or
 * from a new entry with an argument of its last call set to a value it was compared with.
 */
export interface RunPlan {
  kind: 'fresh' | 'resume' | 'mutant' | 'comparison';
  /** The calls the run starts with; fresh random calls follow up to the depth. */
  calls: FuzzCall[];
  parent?: CorpusEntry;
}

/** Comparison-guided runs waiting, at most; later ones are dropped until the queue drains. */
const MAX_PENDING = 64;
/** Recent outcomes count more: each run scales the past by this factor. */
const DECAY = 0.9;
/** Neither kind of run is ever starved. */
const MIN_SHARE = 0.2;
const MAX_SHARE = 0.85;

/**
 * Chooses between fresh random runs and runs from the corpus, in proportion to how often
 * each recently reached new edges (decayed counts; a 50/50 start), within 20–85%.
 * A corpus run replays its entry unchanged one time in four (the random tail extends it,
 * as the search did before mutations), otherwise a mutant of it.
 *
 * Input-to-state, REDQUEEN's way: when a sequence reaches new edges, the arguments of its
 * last call were seen compared with other values (`x == 0xC0FFEE`, `amount <= balance`); a
 * run with each such value put in its place comes before any other run.
 */
export class SearchSchedule {
  private readonly tries = { fresh: 2, corpus: 2 };
  private readonly wins = { fresh: 1, corpus: 1 };
  private readonly pending: FuzzCall[][] = [];

  constructor(
    private readonly corpus: Corpus,
    private readonly source: MutationSource,
    private readonly maxLength: number,
  ) {}

  next(): RunPlan {
    const queued = this.pending.shift();
    if (queued !== undefined) return { kind: 'comparison', calls: queued };
    if (this.corpus.size === 0 || !this.fromCorpus()) return { kind: 'fresh', calls: [] };
    const int = (max: number) => this.source.int(max);
    const parent = this.corpus.pick(int);
    if (this.source.int(3) === 0) return { kind: 'resume', calls: parent.calls.slice(0, this.maxLength), parent };
    const donor = this.corpus.entries[this.source.int(this.corpus.size - 1)]!;
    return { kind: 'mutant', calls: mutateSequence(parent.calls, donor.calls, this.source, this.maxLength), parent };
  }

  /** Queues runs of `sequence` with its last call's argument at `position` set to `value`, for each replacement. */
  compared(sequence: readonly FuzzCall[], replacements: readonly Replacement[]): void {
    const last = sequence[sequence.length - 1];
    if (last === undefined) return;
    for (const { position, value } of replacements) {
      if (this.pending.length >= MAX_PENDING) return;
      const args = [...last.args];
      args[position] = value;
      this.pending.push([...sequence.slice(0, -1), { ...last, args }].slice(0, this.maxLength));
    }
  }

  /** Books a finished run: `newEdges` is how many edges it reached first. */
  record(plan: RunPlan, newEdges: number): void {
    if (plan.kind === 'comparison') return;
    const arm = plan.kind === 'fresh' ? 'fresh' : 'corpus';
    for (const k of ['fresh', 'corpus'] as const) {
      this.tries[k] *= DECAY;
      this.wins[k] *= DECAY;
    }
    this.tries[arm] += 1;
    if (newEdges > 0) this.wins[arm] += 1;
    if (plan.parent !== undefined) this.corpus.record(plan.parent, newEdges > 0);
  }

  /** The share of runs that start from the corpus now. */
  corpusShare(): number {
    const corpus = this.wins.corpus / this.tries.corpus;
    const fresh = this.wins.fresh / this.tries.fresh;
    return Math.min(MAX_SHARE, Math.max(MIN_SHARE, corpus / (corpus + fresh)));
  }

  private fromCorpus(): boolean {
    return this.source.int(999) < this.corpusShare() * 1000;
  }
}
