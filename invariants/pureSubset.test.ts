import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSpecFile, createAnalysisProject } from '../harness/src/spec/analyze/index.js';

// The prover translates only the pure subset (view calls, bigint arithmetic, comparisons,
// quantifiers, old(handle)). Library checks are written in it; these are the exceptions.
const fuzzOnly: Record<string, string> = {
  'Token:onlyOwnerPauses': 'calls a view named by a parameter',
  'TokenBuggy:onlyOwnerPauses': 'calls a view named by a parameter',
  'BenchToken:totalSupplyEqualsGhostSum': 'reads a ghost',
};

describe('the specs and the library stay in the pure subset', () => {
  const dir = path.resolve('specs');
  const project = createAnalysisProject();
  const analyses = readdirSync(dir)
    .filter((f) => f.endsWith('.spec.ts'))
    .map((f) => analyzeSpecFile(path.join(dir, f), project));

  it('every check of every spec is found, library spreads included', () => {
    for (const a of analyses) expect(a.problems, a.file).toEqual([]);
    expect(analyses.flatMap((a) => a.checks).length).toBeGreaterThan(30);
  });

  it('only the known exceptions are fuzz-only', () => {
    const outside = analyses.flatMap((a) =>
      a.checks.filter((c) => !c.provable).map((c) => `${path.basename(a.file, '.spec.ts')}:${c.name}`),
    );
    expect(outside.sort()).toEqual(Object.keys(fuzzOnly).sort());
  });
});
