import { describe, expect, it } from 'vitest';
import { defineSpec } from './defineSpec.js';
import { variantOf } from './variantOf.js';
import { VigilError } from '../errors/VigilError.js';

const base = defineSpec({
  name: 'Base',
  sources: ['../a/Pool.sol', '../a/Token.sol'],
  contracts: { token: { contract: 'Token' as never }, pool: { contract: 'Pool' as never, args: [1n] } },
  invariants: { ok: async () => true },
});

describe('variantOf', () => {
  it('swaps sources and contract names and keeps everything else', () => {
    const v = variantOf(base, { sources: { '../a/Pool.sol': '../a/PoolBuggy.sol' }, contracts: { pool: 'PoolBuggy' as never } });
    expect(v.sources).toEqual(['../a/PoolBuggy.sol', '../a/Token.sol']);
    expect(v.contracts.pool).toEqual({ contract: 'PoolBuggy', args: [1n] });
    expect(v.contracts.token).toBe(base.contracts.token);
    expect(v.invariants).toBe(base.invariants);
    expect(v.name).toBeUndefined();
    expect(v.kind).toBe('vigil-spec');
  });

  it('refuses to swap a source the base does not list', () => {
    expect(() => variantOf(base, { sources: { '../a/Poool.sol': '../a/PoolBuggy.sol' } })).toThrow(VigilError);
    expect(() => variantOf(base, { sources: { '../a/Poool.sol': '../a/PoolBuggy.sol' } })).toThrow(/Poool\.sol is not among/);
  });
});
