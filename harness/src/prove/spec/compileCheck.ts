import path from 'node:path';
import { analyzeSpecFile, type AnalyzedCheck, type CheckFunction, type ProvableIssue } from '../../spec/analyze/index.js';
import { locate } from '../../spec/analyze/locate.js';
import type { CompiledCheck } from './CheckIR.js';
import { translateCheck, Untranslatable } from './translateCheck.js';

export type { CheckIR, CompiledCheck } from './CheckIR.js';

/**
 * Reads a spec's checks without running it: those in the provable subset (as `vigil
 * list` decides it) become IR, the others say which construct keeps them out and where
 * (their verdict is `fuzz-only`). A check the analysis accepts but the translation
 * cannot express exactly is fuzz-only as well, with its reason: never approximated.
 */
export async function compileChecks(specFile: string): Promise<CompiledCheck[]> {
  const functions = new Map<AnalyzedCheck, CheckFunction>();
  const analysis = analyzeSpecFile(specFile, undefined, functions);
  return analysis.checks.map((check) => compileOne(check, functions.get(check)));
}

function compileOne(check: AnalyzedCheck, fn: CheckFunction | undefined): CompiledCheck {
  const header = { kind: check.kind, name: check.name, location: { file: check.file, line: check.line, column: check.column } };
  if (!check.provable || !fn) {
    const first = check.outside[0];
    return { ...header, provable: false, construct: first ? describe(first) : 'not analysed' };
  }
  try {
    const body = translateCheck(fn.node, fn.env, fn.options);
    return { ...header, provable: true, ir: { kind: check.kind, name: check.name, body, ...(check.on === undefined ? {} : { on: check.on }) } };
  } catch (e) {
    if (!(e instanceof Untranslatable)) throw e;
    const at = locate(e.node);
    return { ...header, provable: false, construct: `${e.construct} at ${where(at)}` };
  }
}

function describe(issue: ProvableIssue): string {
  const detail = issue.detail === undefined ? '' : ` (${issue.detail})`;
  return `${issue.construct} at ${where(issue)}${detail}`;
}

function where(at: { file: string; line: number }): string {
  return `${path.relative(process.cwd(), at.file).split(path.sep).join('/')}:${at.line}`;
}
