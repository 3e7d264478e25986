import { Node } from 'ts-morph';
import type { AnalysisSession } from './AnalysisSession.js';
import type { Binding } from './Binding.js';
import { checkPureSubset, type PureSubsetOptions } from './checkPureSubset.js';
import { constructs } from './constructs.js';
import { evaluateString, type ParamEnv } from './evaluateArgument.js';
import type { CheckEntry } from './expandCheckEntries.js';
import { issueAt, locate, problemAt } from './locate.js';
import { findMember, memberValue } from './memberName.js';
import { isFunctionLike, resolveLibraryCheck, type FunctionLike, type Resolution } from './resolveLibraryCheck.js';
import { skipTypeSyntax } from './roleOf.js';
import type { AnalyzedCheck, SpecProblem } from './SpecAnalysis.js';

export interface SpecContracts {
  keys: ReadonlySet<string>;
  /** False when `contracts` could not be read, so unknown context names may be contracts. */
  complete: boolean;
}

export interface AnalyzedEntry {
  check: AnalyzedCheck;
  problems: SpecProblem[];
  /** The analysed function and its library parameters, when the check resolved to one (for the prover). */
  fn?: CheckFunction;
}

export interface CheckFunction {
  node: FunctionLike;
  env: ParamEnv;
  /** The options the function was judged with: they decide every name's role. */
  options: PureSubsetOptions;
}

/** Finds the function behind one invariant or property and checks it against the pure subset. */
export function analyzeCheckEntry(
  kind: AnalyzedCheck['kind'],
  entry: CheckEntry,
  contracts: SpecContracts,
  session: AnalysisSession,
): AnalyzedEntry {
  const base = { kind, name: entry.name, ...locate(entry.anchor) };
  const resolved = resolveLibraryCheck(entry.value, entry.env, session);
  if (kind === 'invariant') return { check: judge(base, entry.value, resolved, contracts, session), problems: [], ...functionOf(resolved, contracts, session) };

  if (!resolved.ok || !Node.isObjectLiteralExpression(resolved.value.node)) {
    return { check: judge(base, entry.value, resolved, contracts, session), problems: [] };
  }
  const property = resolved.value.node;
  const env = resolved.value.env;
  const onValue = valueOf(findMember(property, 'on', env));
  const on = onValue && evaluateString(onValue, env);
  const withOn = on === undefined ? base : { ...base, on };
  const checkValue = valueOf(findMember(property, 'check', env));
  if (!checkValue) {
    const check = { ...withOn, provable: false, outside: [issueAt(property, constructs.missingCheck)], source: property.getText() };
    return { check, problems: [problemAt(property, `property \`${entry.name}\` has no \`check\` function`)] };
  }
  const resolvedCheck = resolveLibraryCheck(checkValue, env, session);
  return { check: judge(withOn, checkValue, resolvedCheck, contracts, session), problems: [], ...functionOf(resolvedCheck, contracts, session) };
}

function functionOf(resolved: Resolution, contracts: SpecContracts, session: AnalysisSession): { fn?: CheckFunction } {
  if (!resolved.ok || !isFunctionLike(resolved.value.node)) return {};
  const { node, env } = resolved.value;
  return { fn: { node, env, options: subsetOptions(node, env, contracts, session) } };
}

function subsetOptions(fn: FunctionLike, env: ParamEnv, contracts: SpecContracts, session: AnalysisSession): PureSubsetOptions {
  return {
    contractKeys: contracts.keys,
    contractKeysComplete: contracts.complete,
    moduleBindings: session.bindingsOf(fn.getSourceFile()),
    seeds: seedsFrom(env),
  };
}

type CheckHeader = Omit<AnalyzedCheck, 'provable' | 'outside' | 'source' | 'definedAt'>;

function judge(
  header: CheckHeader,
  value: Node,
  resolved: Resolution,
  contracts: SpecContracts,
  session: AnalysisSession,
): AnalyzedCheck {
  if (!resolved.ok || !isFunctionLike(resolved.value.node)) {
    const written = skipTypeSyntax(value);
    const construct = resolved.ok
      ? constructs.notAFunction
      : Node.isCallExpression(written)
        ? constructs.libraryCall
        : constructs.notInlineFunction;
    const issue = issueAt(value, construct, resolved.ok ? undefined : resolved.reason);
    return { ...header, provable: false, outside: [issue], source: value.getText() };
  }
  const fn = resolved.value.node;
  const outside = checkPureSubset(fn, subsetOptions(fn, resolved.value.env, contracts, session));
  return { ...header, provable: outside.length === 0, outside, source: fn.getText(), definedAt: locate(fn) };
}

function valueOf(member: ReturnType<typeof findMember>): Node | undefined {
  return member && memberValue(member);
}

/** Library parameters as the checker sees them: contract keys, inlinable constants, or opaque. */
function seedsFrom(env: ParamEnv): Map<string, Binding> {
  const seeds = new Map<string, Binding>();
  for (const [name, value] of env) {
    if (value.kind === 'string') seeds.set(name, { role: 'contractKey', contract: value.value });
    else if (value.kind === 'constant') seeds.set(name, { role: 'value' });
    else seeds.set(name, { role: 'libraryParameter', name });
  }
  return seeds;
}
