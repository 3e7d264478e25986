import type { ObjectLiteralExpression, Project } from 'ts-morph';
import { VigilError } from '../../errors/VigilError.js';
import { analyzeCheckEntry, type CheckFunction, type SpecContracts } from './analyzeCheckEntry.js';
import { createAnalysisSession, type AnalysisSession } from './AnalysisSession.js';
import { createAnalysisProject } from './createAnalysisProject.js';
import { expandCheckEntries } from './expandCheckEntries.js';
import { findDefineSpecCall } from './findDefineSpecCall.js';
import { findVariantBase } from './findVariantBase.js';
import { problemAt } from './locate.js';
import { readCheckSection, readContracts, readSpecName } from './readSpecSections.js';
import type { AnalyzedCheck, SpecAnalysis, SpecProblem } from './SpecAnalysis.js';
import { syntaxProblems } from './syntaxProblems.js';

export type { AnalyzedCheck, ProvableIssue, SourceLocation, SpecAnalysis, SpecProblem } from './SpecAnalysis.js';
export type { CheckFunction } from './analyzeCheckEntry.js';

const sections = [
  { kind: 'invariant', section: 'invariants' },
  { kind: 'property', section: 'properties' },
] as const;

/**
 * Reads a spec file without running it and says, per invariant and property, whether
 * its body is in the pure subset a Z3 translation can handle, and if not, what keeps
 * it out. Library checks are followed into their own files.
 *
 * Pass a `project` to reuse parsed files across calls; files it already holds are
 * re-read from disk, so a long-lived project sees edits. `functions`, when given, receives
 * the function behind each check that resolved to one (the prover translates it).
 */
export function analyzeSpecFile(file: string, project?: Project, functions?: Map<AnalyzedCheck, CheckFunction>): SpecAnalysis {
  const session = createAnalysisSession(project ?? createAnalysisProject());
  const sourceFile = session.openFile(file);
  if (!sourceFile) throw new VigilError('SPEC_NOT_FOUND', `spec file not found: ${file}`);

  const base = findVariantBase(sourceFile);
  if (base !== undefined && base !== sourceFile.getFilePath()) {
    return { ...analyzeSpecFile(base, session.project, functions), file: sourceFile.getFilePath() };
  }

  const problems: SpecProblem[] = [];
  const lookup = findDefineSpecCall(sourceFile, session.bindingsOf(sourceFile));
  if (lookup.problem) problems.push(problemAt(lookup.problem.node, lookup.problem.message));

  const spec = lookup.spec;
  const contracts = spec ? readContracts(spec, session) : { keys: new Set<string>(), complete: true };
  const checks = spec ? analyzeSections(spec, contracts, session, problems, functions) : [];

  const specName = spec && readSpecName(spec);
  return {
    file: sourceFile.getFilePath(),
    ...(specName === undefined ? {} : { specName }),
    checks,
    contractKeys: [...contracts.keys],
    // Parse errors first: they explain most of whatever else looks wrong.
    problems: [...syntaxProblems(session.project, session.openedFiles()), ...problems],
  };
}

function analyzeSections(
  spec: ObjectLiteralExpression,
  contracts: SpecContracts,
  session: AnalysisSession,
  problems: SpecProblem[],
  functions: Map<AnalyzedCheck, CheckFunction> | undefined,
): AnalyzedCheck[] {
  const checks: AnalyzedCheck[] = [];
  for (const { kind, section } of sections) {
    const found = readCheckSection(spec, section, session, problems);
    if (!found) continue;
    const expanded = expandCheckEntries(found.object, found.env, session, found.anchor);
    problems.push(...expanded.problems);
    for (const entry of expanded.entries) {
      const analyzed = analyzeCheckEntry(kind, entry, contracts, session);
      checks.push(analyzed.check);
      if (analyzed.fn) functions?.set(analyzed.check, analyzed.fn);
      problems.push(...analyzed.problems);
    }
  }
  return checks;
}
