import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeFileAtomic } from '../report/writeFileAtomic.js';
import type { CallRecord } from '../report/types.js';

export interface PersistedFailure {
  id: string;
  calls: CallRecord[];
}

interface CorpusFile {
  version: 1;
  failures: PersistedFailure[];
}

interface CoverageFile {
  version: 1;
  sequences: CallRecord[][];
}

/** The coverage corpus on disk stays within these bounds (a few MB at most). */
export const MAX_SAVED_SEQUENCES = 256;
export const MAX_SAVED_CALLS = 4096;

/**
 * What a spec's runs leave for the next one, in `.vigil/corpus/`: the counterexamples
 * (`<spec>.failures.json`, replayed first) and the coverage corpus (`<spec>.coverage.json`,
 * call sequences that reached new edges, run before the search so it starts where the last
 * one got to).
 */
export class CorpusStore {
  /** `onDamaged` hears of a file that could not be read (it is kept beside as `<file>.damaged`). */
  constructor(private readonly dir: string, private readonly onDamaged?: (message: string) => void) {}

  private file(spec: string, kind: 'failures' | 'coverage'): string {
    return join(this.dir, `${spec.replace(/[^\w.-]/g, '_')}.${kind}.json`);
  }

  load(spec: string): PersistedFailure[] {
    const data = this.read<CorpusFile>(spec, 'failures');
    return data?.version === 1 && Array.isArray(data.failures) ? data.failures : [];
  }

  async save(spec: string, failures: PersistedFailure[]): Promise<void> {
    const data: CorpusFile = { version: 1, failures };
    await writeFileAtomic(this.file(spec, 'failures'), `${JSON.stringify(data, null, 2)}\n`);
  }

  loadCoverage(spec: string): CallRecord[][] {
    const data = this.read<CoverageFile>(spec, 'coverage');
    if (data?.version !== 1 || !Array.isArray(data.sequences)) return [];
    return data.sequences.filter((s) => Array.isArray(s) && s.length > 0);
  }

  /** Keeps the first sequences (the campaign lists the worthiest first) within the bounds; one sequence per line. */
  async saveCoverage(spec: string, sequences: readonly CallRecord[][]): Promise<void> {
    const kept: CallRecord[][] = [];
    let calls = 0;
    for (const s of sequences) {
      if (kept.length >= MAX_SAVED_SEQUENCES) break;
      if (s.length === 0 || calls + s.length > MAX_SAVED_CALLS) continue;
      kept.push(s);
      calls += s.length;
    }
    const lines = kept.map((s) => JSON.stringify(s)).join(',\n');
    await writeFileAtomic(this.file(spec, 'coverage'), `{"version":1,"sequences":[\n${lines}\n]}\n`);
  }

  private read<T>(spec: string, kind: 'failures' | 'coverage'): T | undefined {
    const path = this.file(spec, kind);
    if (!existsSync(path)) return undefined;
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as T;
    } catch (e) {
      // A damaged corpus must not stop a run; the next save rewrites it, so keep a copy of what was there.
      const aside = `${path}.damaged`;
      let kept = '';
      try {
        copyFileSync(path, aside);
        kept = `; kept as ${relative(process.cwd(), aside)}`;
      } catch {
        // Nothing more to save if even the copy fails.
      }
      this.onDamaged?.(`${relative(process.cwd(), path)} is damaged (${(e as Error).message.replace(/\s+/g, ' ').trim()}) and was ignored${kept}`);
      return undefined;
    }
  }
}
