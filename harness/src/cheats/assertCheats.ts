import { CheatFailure } from './CheatFailure.js';
import type { Cheatcode } from './Cheatcode.js';

type Compare = (a: unknown, b: unknown) => boolean;

const EQ_TYPES = ['uint256', 'int256', 'address', 'bool', 'bytes32', 'string', 'bytes'] as const;
const ORDER_TYPES = ['uint256', 'int256'] as const;

/** name → (holds, the operator forge prints when it does not). */
const COMPARISONS: Record<string, { holds: Compare; failOp: string; types: readonly string[] }> = {
  assertEq: { holds: (a, b) => same(a, b), failOp: '!=', types: EQ_TYPES },
  assertNotEq: { holds: (a, b) => !same(a, b), failOp: '==', types: EQ_TYPES },
  assertLt: { holds: (a, b) => (a as bigint) < (b as bigint), failOp: '>=', types: ORDER_TYPES },
  assertGt: { holds: (a, b) => (a as bigint) > (b as bigint), failOp: '<=', types: ORDER_TYPES },
  assertLe: { holds: (a, b) => (a as bigint) <= (b as bigint), failOp: '>', types: ORDER_TYPES },
  assertGe: { holds: (a, b) => (a as bigint) >= (b as bigint), failOp: '<', types: ORDER_TYPES },
};

function same(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.startsWith('0x') && b.startsWith('0x') ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function show(v: unknown): string {
  return typeof v === 'string' && !v.startsWith('0x') ? JSON.stringify(v) : String(v);
}

function fail(cheat: string, detail: string, message: unknown): never {
  throw new CheatFailure(typeof message === 'string' ? `${message}: ${detail}` : `assertion failed: ${detail}`, 'assertion');
}

/** forge-std's `vm.assert*` family: a failed one reverts the call and is recorded as a finding. */
export const assertCheats: Cheatcode[] = [
  ...['assertTrue', 'assertFalse'].flatMap((name) =>
    [false, true].map((withMessage): Cheatcode => ({
      signature: `function ${name}(bool${withMessage ? ',string' : ''}) pure`,
      run: (_ctx, [value, message]) => {
        if (value !== (name === 'assertTrue')) {
          if (typeof message === 'string') throw new CheatFailure(message, 'assertion');
          throw new CheatFailure('assertion failed', 'assertion');
        }
      },
    })),
  ),
  ...Object.entries(COMPARISONS).flatMap(([name, c]) =>
    c.types.flatMap((type) =>
      [false, true].map((withMessage): Cheatcode => ({
        signature: `function ${name}(${type},${type}${withMessage ? ',string' : ''}) pure`,
        run: (_ctx, [a, b, message]) => {
          if (!c.holds(a, b)) fail(name, `${show(a)} ${c.failOp} ${show(b)}`, message);
        },
      })),
    ),
  ),
];
