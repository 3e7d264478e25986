import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Counterexamples kept between runs, one file per spec, replayed first by the next run. */
export class CorpusStore {
  constructor(private readonly dir: string) {}

  private file(spec: string): string {
    return join(this.dir, `${spec.replace(/[^\w.-]/g, '_')}.failures.json`);
  }

  load(spec: string): PersistedFailure[] {
    const path = this.file(spec);
    if (!existsSync(path)) return [];
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as CorpusFile;
      return data.version === 1 && Array.isArray(data.failures) ? data.failures : [];
    } catch {
      // A damaged corpus must not stop a run; the next save rewrites it.
      return [];
    }
  }

  async save(spec: string, failures: PersistedFailure[]): Promise<void> {
    const data: CorpusFile = { version: 1, failures };
    await writeFileAtomic(this.file(spec), `${JSON.stringify(data, null, 2)}\n`);
  }
}
