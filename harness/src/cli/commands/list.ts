import { findSpecFiles } from '../../fs/findSpecFiles.js';
import { analyzeSpecFile, createAnalysisProject, formatAnalysis } from '../../spec/analyze/index.js';

/**
 * `vigil list`: each spec's invariants and properties, read from the source without
 * running it, with whether each is in the subset the prover translates, and if not, why and where.
 */
export default async function list(paths: string[]): Promise<number> {
  const root = process.cwd();
  const project = createAnalysisProject();
  let problems = 0;
  for (const file of findSpecFiles(root, paths.length > 0 ? paths : ['specs'])) {
    const analysis = analyzeSpecFile(file, project);
    problems += analysis.problems.length;
    process.stdout.write(`${formatAnalysis(analysis)}\n`);
  }
  return problems > 0 ? 2 : 0;
}
