import { fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';
import { instructionSources } from '../compile/instructionSources.js';
import { SourceText } from '../compile/SourceText.js';
import type { LineCoverageRecord } from '../report/types.js';
import { sourceFileOf, sourceRootOf } from './sourcePath.js';
import type { SpecSession } from './SpecSession.js';

/** Vigil's own Solidity (forge-std-lite): a dependency of a suite, never a target. */
const vigilSolidity = fileURLToPath(new URL('../../solidity/', import.meta.url));

/**
 * Line coverage of the deployed contracts' source files, from the instruction bitmaps the
 * campaign left (merged across workers) and the runtime source maps: a line is coverable
 * when an instruction maps to a range that starts on it, covered when one of those ran.
 *
 * Left out: compiler-generated sources (ids solc gives no source), and dependencies, i.e.
 * files under a `node_modules` folder, under `lib/` of the root (Foundry's dependency folder,
 * forge-std included) and Vigil's own forge-std-lite. A suite's test and handler contracts
 * stay: their code is what the fuzzer drives.
 */
export async function toLineCoverage(session: SpecSession): Promise<LineCoverageRecord[] | undefined> {
  const coverage = session.chain.coverage;
  if (coverage === undefined) return undefined;
  const root = sourceRootOf(session);
  const files = new Map<number, { path: string; text: SourceText; coverable: Set<number>; covered: Set<number> } | null>();
  const fileFor = (id: number) => {
    if (!files.has(id)) {
      const source = session.compiled.sources.find((s) => s.id === id);
      const abs = source === undefined || source.content === '' ? undefined : sourceFileOf(session, source.name);
      files.set(id, abs === undefined || isDependency(root, abs) ? null : {
        path: relative(process.cwd(), abs).split(sep).join('/'), text: new SourceText(source!.content), coverable: new Set(), covered: new Set(),
      });
    }
    return files.get(id)!;
  };
  const seen = new Set<Uint8Array>();
  for (const c of session.deployment.contracts) {
    const code = await session.chain.getCode(c.address);
    if (seen.has(code) || code.length === 0) continue;
    seen.add(code);
    const ran = coverage.instructionsRun(code);
    const table = instructionSources(code, c.artifact.deployedSourceMap);
    for (let pc = 0; pc < table.length; pc++) {
      const entry = table[pc];
      if (entry === undefined || entry.file < 0) continue;
      const file = fileFor(entry.file);
      if (file === null) continue;
      const line = file.text.lineOf(entry.start);
      file.coverable.add(line);
      if (ran?.[pc] === 1) file.covered.add(line);
    }
  }
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return [...files.values()]
    .filter((f): f is NonNullable<typeof f> => f !== null && f.coverable.size > 0)
    .map((f) => ({ file: f.path, coverable: sorted(f.coverable), covered: sorted(f.covered) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function isDependency(root: string, abs: string): boolean {
  const parts = abs.split(sep);
  if (parts.includes('node_modules')) return true;
  if (abs.startsWith(vigilSolidity)) return true;
  const rel = relative(root, abs);
  return rel.split(sep)[0] === 'lib';
}
