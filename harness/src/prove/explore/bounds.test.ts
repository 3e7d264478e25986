import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { symbolicCalldata } from '../calldata/symbolicCalldata.js';
import { encodeFunctionData } from 'viem';
import { extendPath } from '../exec/PathCond.js';
import { ACTORS, exploreOn, fn, hexCells, openFixture, type Fixture } from '../fixtures/proveHarness.js';
import { concreteTx } from './txEnv.js';
import { sym, type BV } from '../word/Word.js';
import { openZ3, type Z3Session } from '../z3/openZ3.js';

let z3: Z3Session;
let f: Fixture;

beforeAll(async () => {
  z3 = await openZ3();
  f = await openFixture(z3, 'symbolic');
});
afterAll(() => z3.close());

const sender = () => sym(z3.ctx.BitVec.const('caller', 160).zeroExt(96) as BV);

async function run(contract: string, name: string, options: Parameters<typeof exploreOn>[3] = {}) {
  const [v] = symbolicCalldata(z3.ctx, fn(f, contract, name)).variants;
  return (await exploreOn(f, contract, { from: sender(), value: 0n, calldata: v!.cells }, options)).result;
}

/** From any storage (an inductive step), bounds are reported, never silently cut. */
describe('bounds and budgets', () => {
  it('a loop over a symbolic length ends as unknown at the loop bound, after the shorter lengths completed', async () => {
    const r = await run('Ledger', 'sum', { loopBound: 2 });
    const unknown = r.paths.filter((p) => p.status === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((p) => p.unknown === 'loop-bound' && /^loop bound 2 hit at pc \d+ of 0x/.test(p.reason!))).toBe(true);
    expect(r.paths.filter((p) => p.status === 'success').length).toBeGreaterThanOrEqual(2);
  });

  it('the path budget ends the remaining paths as unknown and names the budget', async () => {
    const r = await run('Ledger', 'move', { maxPaths: 1 });
    expect(r.budget).toBe('paths');
    expect(r.paths.filter((p) => p.status !== 'unknown')).toHaveLength(1);
    expect(r.paths.some((p) => p.unknown === 'path-budget')).toBe(true);
  });

  it('the time budget ends every open path as unknown', async () => {
    const r = await run('Ledger', 'move', { timeoutMs: 0 });
    expect(r.budget).toBe('time');
    expect(r.paths.length).toBeGreaterThan(0);
    expect(r.paths.every((p) => p.status === 'unknown' && p.unknown === 'time-budget')).toBe(true);
  });

  it('the step budget ends a path as unknown', async () => {
    const r = await run('Ledger', 'move', { maxSteps: 50 });
    expect(r.paths.some((p) => p.unknown === 'step-budget')).toBe(true);
    expect(r.paths.every((p) => p.status === 'unknown' || p.steps <= 50)).toBe(true);
  });

  it('with any storage both outcomes of a transfer are feasible', async () => {
    const r = await run('Ledger', 'move');
    expect(new Set(r.paths.map((p) => p.status))).toEqual(new Set(['success', 'revert']));
  });

  it('a call that adds no condition to a state the caller left undecided is not decided again', async () => {
    const x = z3.ctx.BitVec.const('undecided', 256);
    const state = { ...f.state, path: extendPath(f.state.path, x.mul(x).eq(z3.ctx.BitVec.val(49n, 256))), model: undefined };
    const data = encodeFunctionData({ abi: f.artifacts.get('Ledger')!.abi, functionName: 'balance', args: [ACTORS[0]] });
    const tx = concreteTx(0xdead0000n, { timestamp: f.chain.timestamp, number: f.chain.blockNumber });
    const r = await f.sevm.explore({ state, call: { from: 0xdead0000n, to: BigInt(f.at.get('Ledger')!), value: 0n, calldata: hexCells(data) }, tx });
    expect(r.paths).toHaveLength(1);
    expect(r.paths[0]!.status).toBe('success');
    expect(r.paths[0]!.path).toBe(state.path);
    expect(r.stats.solverChecks).toBe(0);
  });
});
