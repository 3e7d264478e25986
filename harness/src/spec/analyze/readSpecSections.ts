import { Node, type ObjectLiteralExpression } from 'ts-morph';
import type { SpecContracts } from './analyzeCheckEntry.js';
import type { AnalysisSession } from './AnalysisSession.js';
import { emptyEnv, evaluateString, type ParamEnv } from './evaluateArgument.js';
import { problemAt } from './locate.js';
import { findMember, memberName, memberValue } from './memberName.js';
import { resolveLibraryCheck } from './resolveLibraryCheck.js';
import type { SpecProblem } from './SpecAnalysis.js';

export function readSpecName(spec: ObjectLiteralExpression): string | undefined {
  const value = memberOf(spec, 'name');
  return value && evaluateString(value, emptyEnv);
}

/** The contract keys, which decide which context names are handles. */
export function readContracts(spec: ObjectLiteralExpression, session: AnalysisSession): SpecContracts {
  const value = memberOf(spec, 'contracts');
  // A spec without `contracts` has no handles; flag every other name rather than guess.
  if (!value) return { keys: new Set(), complete: true };
  const resolved = resolveLibraryCheck(value, emptyEnv, session);
  if (!resolved.ok || !Node.isObjectLiteralExpression(resolved.value.node)) return { keys: new Set(), complete: false };
  const keys = new Set<string>();
  let complete = true;
  for (const member of resolved.value.node.getProperties()) {
    const name = memberName(member, resolved.value.env);
    if (name === undefined) complete = false;
    else keys.add(name);
  }
  return { keys, complete };
}

export interface CheckSection {
  object: ObjectLiteralExpression;
  env: ParamEnv;
  /** Set when the section is defined outside the spec file: checks are located at its use. */
  anchor?: Node;
}

/** `invariants` or `properties`, inline or imported as a whole. */
export function readCheckSection(
  spec: ObjectLiteralExpression,
  section: 'invariants' | 'properties',
  session: AnalysisSession,
  problems: SpecProblem[],
): CheckSection | undefined {
  const value = memberOf(spec, section);
  if (!value) return undefined;
  const resolved = resolveLibraryCheck(value, emptyEnv, session);
  if (!resolved.ok || !Node.isObjectLiteralExpression(resolved.value.node)) {
    const reason = resolved.ok ? 'it is not an object literal' : resolved.reason;
    problems.push(problemAt(value, `cannot list the ${section} (${reason}); they are not analysed`));
    return undefined;
  }
  const object = resolved.value.node;
  const inSpecFile = object.getSourceFile() === spec.getSourceFile();
  return { object, env: resolved.value.env, ...(inSpecFile ? {} : { anchor: value }) };
}

function memberOf(spec: ObjectLiteralExpression, name: string): Node | undefined {
  const member = findMember(spec, name, emptyEnv);
  return member && memberValue(member);
}
