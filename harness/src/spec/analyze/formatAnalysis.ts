import path from 'node:path';
import type { AnalyzedCheck, ProvableIssue, SourceLocation, SpecAnalysis } from './SpecAnalysis.js';

const statusWidth = 'fuzz-only'.length;
const maxTextLength = 60;

/**
 * One line per check: provable ones with their location, fuzz-only ones with the first
 * construct that keeps them out (further ones indented below). Paths are relative to
 * the working directory so they can be clicked in a terminal.
 */
export function formatAnalysis(analysis: SpecAnalysis): string {
  const title = analysis.specName ? `${analysis.specName} (${relative(analysis.file)})` : relative(analysis.file);
  const provable = analysis.checks.filter((c) => c.provable).length;
  const lines = [`${title}: ${provable} of ${analysis.checks.length} checks provable`];
  for (const problem of analysis.problems) lines.push(`  problem  ${problem.message} at ${at(problem)}`);
  for (const check of analysis.checks) lines.push(...formatCheck(check));
  return lines.join('\n');
}

function formatCheck(check: AnalyzedCheck): string[] {
  const head = `  ${check.kind} ${check.name}  ${(check.provable ? 'provable' : 'fuzz-only').padEnd(statusWidth)}  `;
  if (check.provable || check.outside.length === 0) {
    return [`${head}${relative(check.file)}:${check.line}`];
  }
  const [first, ...rest] = check.outside;
  return [`${head}${describe(first)}`, ...rest.map((issue) => `      also ${describe(issue)}`)];
}

function describe(issue: ProvableIssue): string {
  const detail = issue.detail === undefined ? '' : ` (${issue.detail})`;
  const text = shorten(issue.text);
  const quoted = text === '' ? '' : ` \`${text}\``;
  return `${issue.construct}${quoted} at ${at(issue)}${detail}`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > maxTextLength ? `${flat.slice(0, maxTextLength - 3)}...` : flat;
}

function at(location: SourceLocation): string {
  return `${relative(location.file)}:${location.line}:${location.column}`;
}

function relative(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join('/');
}
