import { stringLiteral } from './solidityLiterals.js';
import type { SolExpr } from './SolExpr.js';

const assertFor: Record<string, string> = { '==': 'assertEq', '!=': 'assertNotEq', '<': 'assertLt', '<=': 'assertLe', '>': 'assertGt', '>=': 'assertGe' };
const comparable = new Set(['uint256', 'int256', 'literal']);
const equatable = new Set([...comparable, 'address', 'bool', 'bytes32']);

/**
 * The check as a forge-std assertion. A top-level comparison uses assertEq / assertLe / …,
 * so forge prints both sides ("<message>: 3000 != 3001"); anything else is assertTrue.
 */
export function renderAssertion(e: SolExpr, message: string): string[] {
  const msg = stringLiteral(message);
  const c = e.comparison;
  const fits = c && (c.op === '==' || c.op === '!=' ? equatable : comparable);
  if (c && fits && fits.has(c.left.type) && fits.has(c.right.type) && !(c.left.type === 'literal' && c.right.type === 'literal')) {
    return call(assertFor[c.op]!, [c.left.code, c.right.code, msg]);
  }
  return call('assertTrue', [e.code, msg]);
}

function call(name: string, args: string[]): string[] {
  const flat = `${name}(${args.join(', ')});`;
  if (flat.length <= 110) return [flat];
  return [`${name}(`, ...args.map((a, i) => `    ${a}${i < args.length - 1 ? ',' : ''}`), ');'];
}
