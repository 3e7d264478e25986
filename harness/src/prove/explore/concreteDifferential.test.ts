import fc from 'fast-check';
import { encodeFunctionData, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dictionary } from '../../fuzz/Dictionary.js';
import { arbitraryForParam } from '../../fuzz/arbitraryForParam.js';
import { ACTORS, exploreOn, fn, hexCells, openFixture, type Fixture } from '../fixtures/proveHarness.js';
import { replayPath } from '../model/replayPath.js';
import { openZ3, type Z3Session } from '../z3/openZ3.js';

let z3: Z3Session;
let f: Fixture;

beforeAll(async () => {
  z3 = await openZ3();
  f = await openFixture(z3);
});
afterAll(() => z3.close());

const cases: [string, string[]][] = [
  ['Calc', ['add', 'sub', 'mul', 'div', 'sdiv', 'smod', 'narrow', 'shifts', 'wrapping', 'mods', 'pow', 'pick', 'cmp', 'cast']],
  ['Ledger', ['deposit', 'move', 'approve', 'pull', 'push', 'pushMany', 'pop', 'at', 'sum', 'setTitle', 'note', 'hashOf', 'check', 'guarded']],
  ['Pool', ['join', 'leave', 'peek', 'poke', 'fund', 'sendTo']],
  ['Coin', ['mint', 'transfer', 'transferFrom']],
];

/**
 * With every input known the explorer must follow exactly the path the real EVM takes:
 * one path, same status, return or revert data, logs and storage. Random arguments come
 * from the fuzzer's own arbitraries (edge values, small values, actors, contracts).
 */
describe('symbolic EVM on concrete inputs matches the real EVM', () => {
  for (const [contract, names] of cases) {
    for (const name of names) {
      it(`${contract}.${name}`, async () => {
        const abi = fn(f, contract, name);
        const env = { dictionary: new Dictionary(), addresses: [...ACTORS, ...f.at.values()] as Hex[] };
        const args = fc.tuple(...abi.inputs.map((p) => arbitraryForParam(p, env)));
        const value = abi.stateMutability === 'payable' ? fc.bigInt(0n, 10n ** 20n) : fc.constantFrom(0n, 0n, 0n, 1n);
        await fc.assert(
          fc.asyncProperty(args, fc.constantFrom(...ACTORS), value, async (values, from, wei) => {
            const data = encodeFunctionData({ abi: [abi], functionName: name, args: values });
            const { result, call } = await exploreOn(f, contract, { from: BigInt(from), value: wei, calldata: hexCells(data) }, { nestedOutOfGas: false });
            expect(result.paths.map((p) => `${p.status} ${p.reason ?? ''}`)).toHaveLength(1);
            const path = result.paths[0]!;
            const snap = f.chain.snapshot();
            try {
              const replay = await replayPath(f.chain, path, call);
              expect(replay.differences).toEqual([]);
            } finally {
              f.chain.revertTo(snap);
            }
          }),
          { numRuns: 25, seed: 11 },
        );
      });
    }
  }
});
