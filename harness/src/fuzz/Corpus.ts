import type { FuzzCall } from './FuzzCall.js';

export interface CorpusEntry {
  readonly calls: readonly FuzzCall[];
  /** Edges this sequence was the first to reach (ids from CoverageMap.freshEdges). */
  readonly edges: readonly number[];
  /** Order of arrival, for ties. */
  readonly serial: number;
  /** Runs started from it, and how many of them reached new edges. */
  picks: number;
  wins: number;
}

export interface CorpusOptions {
  /** How often an edge has run so far (CoverageMap.hitsOf). */
  hitsOf(edge: number): number;
  /** Most entries kept; the least valuable goes when a new one arrives. Default 1024. */
  capacity?: number;
}

/**
 * Call sequences that reached new edges, the starting points of mutated runs.
 *
 * An entry's worth is the rarity of the edges it found (the sum of 1 / √hits): replaying it
 * hits those edges again, so an entry that was picked often, or whose edges every run now
 * reaches, sinks, while one that still leads somewhere few sequences go stays up. A second
 * term rewards entries whose mutants found new edges. Picks are weighted by worth; when
 * the corpus is full the least worthy entry (oldest among equals) makes room.
 */
export class Corpus {
  private readonly list: CorpusEntry[] = [];
  private serial = 0;
  readonly capacity: number;

  constructor(private readonly options: CorpusOptions) {
    this.capacity = options.capacity ?? 1024;
  }

  get size(): number {
    return this.list.length;
  }

  get entries(): readonly CorpusEntry[] {
    return this.list;
  }

  add(calls: readonly FuzzCall[], edges: readonly number[]): CorpusEntry {
    const entry: CorpusEntry = { calls: [...calls], edges: [...edges], serial: this.serial++, picks: 0, wins: 0 };
    if (this.list.length >= this.capacity) this.list.splice(this.weakest(), 1);
    this.list.push(entry);
    return entry;
  }

  worth(entry: CorpusEntry): number {
    let rarity = 0;
    for (const edge of entry.edges) rarity += 1 / Math.sqrt(Math.max(1, this.options.hitsOf(edge)));
    return rarity + (1 + entry.wins) / (1 + entry.picks);
  }

  /**
   * Half the time the newest entry not yet picked `NEW_PICKS` times (the frontier first, as
   * AFL fuzzes new queue entries first), otherwise an entry drawn with probability
   * proportional to its worth; `int(max)` is uniform in [0, max].
   */
  pick(int: (max: number) => number): CorpusEntry {
    if (this.list.length === 0) throw new Error('internal: pick from an empty corpus');
    if (int(1) === 0) {
      for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i]!.picks < NEW_PICKS) return this.list[i]!;
    }
    const weights = this.list.map((e) => this.worth(e));
    const total = weights.reduce((s, w) => s + w, 0);
    let r = (int(RESOLUTION - 1) / RESOLUTION) * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return this.list[i]!;
    }
    return this.list[this.list.length - 1]!;
  }

  /** Books a run started from `entry`. */
  record(entry: CorpusEntry, reachedNewEdges: boolean): void {
    entry.picks++;
    if (reachedNewEdges) entry.wins++;
  }

  /** The `n` worthiest entries, worthiest first (what is saved for the next run). */
  best(n: number): CorpusEntry[] {
    return this.list
      .map((e) => ({ e, w: this.worth(e) }))
      .sort((a, b) => b.w - a.w || a.e.serial - b.e.serial)
      .slice(0, n)
      .map(({ e }) => e);
  }

  private weakest(): number {
    let index = 0;
    let least = Infinity;
    this.list.forEach((e, i) => {
      const w = this.worth(e);
      if (w < least) [index, least] = [i, w];
    });
    return index;
  }
}

const RESOLUTION = 1 << 30;
/** Runs a new entry gets before it competes on worth. */
const NEW_PICKS = 8;
