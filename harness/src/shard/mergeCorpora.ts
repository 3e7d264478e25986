import { CorpusStore } from '../campaign/corpusStore.js';
import type { Report } from '../report/types.js';

export interface MergedCorpus {
  spec: string;
  failures: number;
  sequences: number;
}

/**
 * What the run the shards are parts of would leave in `.vigil/corpus/`: for every spec that ran,
 * its counterexamples are the merged report's (shortest per finding), and its coverage corpus
 * is the shards' corpora joined in shard order, within the usual bounds. Each shard already
 * kept its own file within the bounds, so a join that reaches them can keep a little less than
 * one machine would have.
 */
export async function mergeCorpora(report: Report, shardDirs: readonly string[], outDir: string): Promise<MergedCorpus[]> {
  const shards = shardDirs.map((d) => new CorpusStore(d));
  const out = new CorpusStore(outDir);
  const written: MergedCorpus[] = [];
  for (const spec of report.specs) {
    if (spec.status === 'error') continue;
    const sequences = shards.flatMap((s) => s.loadCoverage(spec.name));
    await out.save(spec.name, spec.findings.map((f) => ({ id: f.id, calls: f.shrunk.calls })));
    await out.saveCoverage(spec.name, sequences);
    written.push({ spec: spec.name, failures: spec.findings.length, sequences: out.loadCoverage(spec.name).length });
  }
  return written;
}
