import { describe, expect, it } from 'vitest';
import type { Spec } from './types.js';
import { validateLevers } from './validateLevers.js';

const spec = (extra: Record<string, unknown>) => ({ kind: 'vigil-spec', sources: ['x.sol'], contracts: { market: { contract: 'M' } }, ...extra }) as unknown as Spec;
const at = () => 'specs/X.spec.ts:1';

describe('validateLevers', () => {
  it('accepts declared levers and scenarios', () => {
    expect(validateLevers(spec({
      levers: { p: { call: 'market.pause', kind: 'pause-contract', undo: 'market.unpause' }, f: { call: 'market.setFrozen', args: [1n, true], kind: 'freeze', undo: { call: 'market.setFrozen', args: [1n, false] } } },
      scenarios: { exit: [{ call: 'market.withdraw', args: [1n], from: '0x0000000000000000000000000000000000010000' }] },
    }), at)).toEqual([]);
  });

  it('lists every problem with its path', () => {
    const problems = validateLevers(spec({
      levers: { a: { call: 'vault.pause', kind: 'pause-contract' }, b: { call: 'market.cap', kind: 'huge', args: 5 }, c: { call: 'pause', kind: 'freeze', undo: 7 } },
      scenarios: { s: [{ call: 'market.repay', from: 'alice' }], t: [] },
    }), at);
    expect(problems).toEqual([
      'levers.a.call: names no contract of the spec: "vault" (contracts: market) (at specs/X.spec.ts:1)',
      'levers.b.args: must be an array of arguments (at specs/X.spec.ts:1)',
      'levers.b.kind: must be one of rate-limit, parameter, freeze, close-function, pause-asset, pause-contract, global, got "huge" (at specs/X.spec.ts:1)',
      'levers.c.call: must be \'contract.function\', got "pause" (at specs/X.spec.ts:1)',
      'levers.c.undo: must be \'contract.function\' or { call, args } (at specs/X.spec.ts:1)',
      'scenarios.s[0].from: must be the sender address (0x + 40 hex digits) (at specs/X.spec.ts:1)',
      'scenarios.t: must be a non-empty list of { call, args?, from } (at specs/X.spec.ts:1)',
    ]);
  });
});
