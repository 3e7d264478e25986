import { bytesToHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRevert } from '../../abi/decodeRevert.js';
import { symbolicCalldata } from '../calldata/symbolicCalldata.js';
import { exploreOn, fn, openFixture, type Fixture } from '../fixtures/proveHarness.js';
import { evalCells, evalWord } from '../model/evalWord.js';
import { realizeKeccak } from '../model/realizeKeccak.js';
import { replayPath } from '../model/replayPath.js';
import { sym, type BV } from '../word/Word.js';
import { openZ3, type Z3Session } from '../z3/openZ3.js';
import type { EndPath, SymbolicCall } from './types.js';

let z3: Z3Session;
let f: Fixture;

/**
 * A fresh Z3 (and fixture) per group of tests: one wasm instance that accumulated every
 * test's terms crashed once in CI ("memory access out of bounds" inside Z3's search), and a
 * crashed instance fails every test after it.
 */
function freshZ3(): void {
  beforeAll(async () => {
    z3 = await openZ3();
    f = await openFixture(z3);
  });
  afterAll(() => z3.close());
}

const sender = () => sym(z3.ctx.BitVec.const('caller', 160).zeroExt(96) as BV);
const callvalue = () => sym(z3.ctx.BitVec.const('callvalue', 256) as BV);

async function explore(contract: string, name: string, lengths: number[] = [0, 1, 2]) {
  const out: { path: EndPath; call: SymbolicCall }[] = [];
  for (const v of symbolicCalldata(z3.ctx, fn(f, contract, name), { lengths }).variants) {
    const { result, call } = await exploreOn(f, contract, { from: sender(), value: callvalue(), calldata: v.cells });
    expect(result.budget).toBeUndefined();
    for (const path of result.paths) out.push({ path, call });
  }
  return out;
}

/** Every path whose model is real (keccak included) must end on the real EVM exactly as the path says. */
async function replayAll(paths: { path: EndPath; call: SymbolicCall }[]) {
  let replayed = 0;
  for (const { path, call } of paths) {
    if (path.status === 'unknown' || path.notes.length > 0) continue;
    const model = await realizeKeccak(f.sevm, path);
    expect(model, `a real model for ${path.status} at pc ${path.pc}`).toBeDefined();
    const snap = f.chain.snapshot();
    try {
      const replay = await replayPath(f.chain, path, call, model);
      expect(replay.differences, `${replay.call.from} ${replay.call.data} ${replay.call.value}`).toEqual([]);
    } finally {
      f.chain.revertTo(snap);
    }
    replayed++;
  }
  return replayed;
}

const targets: [string, string, number[]?][] = [
  ['Calc', 'add'], ['Calc', 'sub'], ['Calc', 'mul'], ['Calc', 'div'], ['Calc', 'sdiv'], ['Calc', 'smod'], ['Calc', 'narrow'],
  ['Calc', 'shifts'], ['Calc', 'wrapping'], ['Calc', 'mods'], ['Calc', 'pick'], ['Calc', 'cmp'], ['Calc', 'cast'],
  ['Ledger', 'deposit'], ['Ledger', 'move'], ['Ledger', 'approve'], ['Ledger', 'pull'], ['Ledger', 'push'], ['Ledger', 'pushMany'],
  ['Ledger', 'pop'], ['Ledger', 'at'], ['Ledger', 'sum'], ['Ledger', 'setTitle', [0, 2, 33]], ['Ledger', 'note', [0, 2, 33]],
  ['Ledger', 'hashOf'], ['Ledger', 'check'],
  ['Coin', 'mint'], ['Coin', 'transfer'], ['Coin', 'transferFrom'],
  ['Pool', 'join'], ['Pool', 'leave'], ['Pool', 'peek'], ['Pool', 'fund'], ['Pool', 'sendTo'],
];

const GROUP = 9;
for (let g = 0; g < targets.length; g += GROUP) {
  describe(`every end path of a symbolic call replays on the real EVM (${g / GROUP + 1})`, () => {
    freshZ3();
    for (const [contract, name, lengths] of targets.slice(g, g + GROUP)) {
      it(`${contract}.${name}`, async () => {
      const paths = await explore(contract, name, lengths);
      // Only a call that may reach code outside the deployed contracts may be unknown here.
      const unknown = paths.filter((p) => p.path.status === 'unknown').map((p) => p.path.reason);
      expect(unknown.every((r) => /outside the deployed contracts/.test(r ?? '')), unknown.join('; ')).toBe(true);
      const replayed = await replayAll(paths);
      expect(replayed).toBeGreaterThan(0);
      // A non-payable function reverts on a callvalue: that path must be there.
      if (fn(f, contract, name).stateMutability !== 'payable') expect(paths.some((p) => p.path.status === 'revert')).toBe(true);
      });
    }
  });
}

describe('a symbolic call target', () => {
  freshZ3();

  it('Pool.poke: a symbolic call target splits into the deployed contracts, the rest is unknown', async () => {
    const paths = await explore('Pool', 'poke');
    expect(paths.some((p) => p.path.status === 'unknown' && /outside the deployed contracts/.test(p.path.reason ?? ''))).toBe(true);
    expect(await replayAll(paths)).toBeGreaterThanOrEqual(4);
  });
});

describe('assertions', () => {
  freshZ3();

  it('finds the reachable assert(false) behind x * 3 + 7 == 100, with x = 31', async () => {
    const paths = await explore('Ledger', 'guarded');
    const panics = paths.filter(({ path }) => path.status === 'revert' && path.model && decodeRevert(bytesToHex(evalCells(path.model, path.returnData))).text.startsWith('Panic(0x01'));
    expect(panics).toHaveLength(1);
    const { path, call } = panics[0]!;
    const x = evalWord(path.model!, { e: z3.ctx.BitVec.const('x', 256) as BV });
    expect(x).toBe(31n);
    expect(await replayAll([{ path, call }])).toBe(1);
  });

  it('reports the unreachable assert(false) unreachable, with every path complete', async () => {
    const paths = await explore('Ledger', 'unreachable');
    expect(paths.every(({ path }) => path.status !== 'unknown')).toBe(true);
    const reverts = paths.filter(({ path }) => path.status === 'revert').map(({ path }) => decodeRevert(bytesToHex(evalCells(path.model!, path.returnData))).text);
    expect(reverts.some((t) => t.startsWith('Panic(0x01'))).toBe(false);
    expect(paths.some(({ path }) => path.status === 'success')).toBe(true);
  });
});
