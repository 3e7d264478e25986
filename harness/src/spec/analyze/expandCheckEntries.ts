import { Node, type ObjectLiteralExpression } from 'ts-morph';
import type { AnalysisSession } from './AnalysisSession.js';
import type { ParamEnv } from './evaluateArgument.js';
import { problemAt } from './locate.js';
import { memberName, memberValue } from './memberName.js';
import { resolveLibraryCheck } from './resolveLibraryCheck.js';
import type { SpecProblem } from './SpecAnalysis.js';

/** One named member of `invariants` or `properties`, before its value is analysed. */
export interface CheckEntry {
  name: string;
  /** The member's value: an inline function, a library call, a shorthand name or a method. */
  value: Node;
  /** Library parameters in scope where `value` is written. */
  env: ParamEnv;
  /** Where the spec declares it: the member's name, or the spread it came from. */
  anchor: Node;
}

export interface ExpandedEntries {
  entries: CheckEntry[];
  problems: SpecProblem[];
}

/**
 * Lists the checks an object literal defines, expanding `...libraryFn('token')` spreads
 * into the members of the object the library returns. Later members override earlier
 * ones with the same name, as they do at run time.
 */
export function expandCheckEntries(
  object: ObjectLiteralExpression,
  env: ParamEnv,
  session: AnalysisSession,
  anchor?: Node,
): ExpandedEntries {
  const byName = new Map<string, CheckEntry>();
  const problems: SpecProblem[] = [];
  collect(object, env, anchor, new Set());
  return { entries: [...byName.values()], problems };

  function collect(
    literal: ObjectLiteralExpression,
    literalEnv: ParamEnv,
    literalAnchor: Node | undefined,
    expanding: ReadonlySet<Node>,
  ): void {
    if (expanding.has(literal)) return;
    const inside = new Set(expanding).add(literal);
    for (const member of literal.getProperties()) {
      if (Node.isSpreadAssignment(member)) {
        const resolved = resolveLibraryCheck(member.getExpression(), literalEnv, session);
        if (resolved.ok && Node.isObjectLiteralExpression(resolved.value.node)) {
          collect(resolved.value.node, resolved.value.env, literalAnchor ?? member, inside);
        } else {
          const reason = resolved.ok ? 'it is not an object literal' : resolved.reason;
          problems.push(problemAt(member, `cannot list the checks of \`${member.getText()}\` (${reason}); they are not analysed`));
        }
        continue;
      }
      const name = memberName(member, literalEnv);
      const value = memberValue(member);
      if (name === undefined || value === undefined) {
        problems.push(problemAt(member, `cannot read the name or value of \`${firstLine(member.getText())}\`; it is not analysed`));
        continue;
      }
      // Like a JS object, Map.set keeps a key's first position and its last value.
      byName.set(name, { name, value, env: literalEnv, anchor: literalAnchor ?? nameNodeOf(member) });
    }
  }
}

function nameNodeOf(member: Node): Node {
  if (Node.isPropertyAssignment(member) || Node.isShorthandPropertyAssignment(member) || Node.isMethodDeclaration(member)) {
    return member.getNameNode();
  }
  return member;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0];
  return line.length < text.length ? `${line} ...` : line;
}
