import { dirname, join } from 'node:path';
import { decodeFunctionData, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../campaign/CampaignSettings.js';
import { openSession } from '../../campaign/openSession.js';
import type { SpecSession } from '../../campaign/SpecSession.js';
import type { CheckRunner } from '../../fuzz/CheckRunner.js';
import { symbolicCalldata } from '../calldata/symbolicCalldata.js';
import { extendPath } from '../exec/PathCond.js';
import { SymbolicEvm } from '../explore/SymbolicEvm.js';
import { concreteTx } from '../explore/txEnv.js';
import type { EndPath, SymbolicCall } from '../explore/types.js';
import { realizeKeccak } from '../model/realizeKeccak.js';
import { replayPath } from '../model/replayPath.js';
import { createSymbolicState } from '../state/createSymbolicState.js';
import { readSetupWorld } from '../verify/initialState.js';
import { sym, type BV } from '../word/Word.js';
import { openZ3, type Z3Session } from '../z3/openZ3.js';
import { compileChecks } from './compileCheck.js';
import { evaluateCheck } from './evaluateCheck.js';

/*
 * The other direction of evaluateCheck.test.ts: there concrete states are compared; here
 * the state comes from a call whose sender and arguments are symbolic, and a model of
 * `path ∧ ¬holds` must be a real broken check once its call runs on TestChain.
 */

const fixtures = join(dirname(import.meta.dirname), 'verify', 'fixtures');

let z3: Z3Session;
beforeAll(async () => {
  z3 = await openZ3();
});
afterAll(async () => {
  await z3.close();
});

interface Broken {
  path: EndPath;
  call: SymbolicCall;
  model: NonNullable<EndPath['model']>;
}

/** Every success path of one symbolic call to `fn` from the set-up state, and the models of ¬holds. */
async function brokenAfter(session: SpecSession, specFile: string, fn: string): Promise<{ successes: number; broken: Broken[] }> {
  const ctx = z3.ctx;
  const [check] = (await compileChecks(specFile)).filter((c) => c.provable && c.name === 'supplyCoversBalances');
  expect(check?.provable).toBe(true);
  if (!check?.provable) throw new Error('unreachable');
  const d = session.deployment;
  const coin = d.contracts.find((c) => c.key === 'coin')!;
  const target = session.targets.find((t) => t.fn.name === fn)!;
  const sevm = new SymbolicEvm(ctx);
  const state = createSymbolicState(ctx, await readSetupWorld(session));
  const from = sym(ctx.BitVec.const('c1.sender', 160).zeroExt(96) as BV);
  const { variants } = symbolicCalldata(ctx, target.fn, { prefix: 'c1.' });
  const call: SymbolicCall = { from, to: BigInt(coin.address), value: 0n, calldata: variants[0]!.cells };
  const tx = concreteTx(from, { timestamp: d.chain.timestamp, number: d.chain.blockNumber });
  const result = await sevm.explore({ state, call, tx });
  expect(result.budget).toBeUndefined();
  expect(result.paths.filter((p) => p.status === 'unknown')).toEqual([]);
  const contracts = new Map(d.contracts.map((c) => [c.key, { address: BigInt(c.address), abi: c.abi }]));
  let successes = 0;
  const broken: Broken[] = [];
  for (const path of result.paths) {
    if (path.status !== 'success') continue;
    successes++;
    const value = await evaluateCheck(check.ir, { ctx, sevm, state: path, contracts, actors: d.actors.map((a) => BigInt(a)), viewSender: BigInt(d.deployer), tx });
    expect(value.unknown).toBeUndefined();
    const violated = ctx.Not(value.holds);
    const q = await sevm.check(extendPath(path.path, violated), 30_000);
    expect(q.status).not.toBe('unknown');
    if (q.status !== 'sat') continue;
    const model = await realizeKeccak(sevm, { ...path, path: extendPath(path.path, violated), model: q.model });
    expect(model).toBeDefined();
    broken.push({ path, call, model: model! });
  }
  return { successes, broken };
}

describe('evaluateCheck: a model of ¬holds after a symbolic call', () => {
  it('replays on TestChain as the broken check CheckRunner reports (CoinBuggy, self-transfer)', async () => {
    const specFile = join(fixtures, 'CoinBuggy.spec.ts');
    const session = await openSession(specFile, { root: fixtures, settings: defaultSettings });
    const { successes, broken } = await brokenAfter(session, specFile, 'transfer');
    expect(successes).toBeGreaterThan(0);
    expect(broken.length).toBeGreaterThan(0);
    const runner = session.checks as CheckRunner;
    for (const b of broken) {
      session.chain.revertTo(session.base);
      const replay = await replayPath(session.chain, b.path, b.call, b.model);
      expect(replay.differences).toEqual([]);
      expect(replay.result.status).toBe('success');
      // The only way this contract breaks: sending a positive amount to oneself.
      const [to, amount] = decodeFunctionData({ abi: session.deployment.contracts.find((c) => c.key === 'coin')!.abi, data: replay.call.data }).args as [Hex, bigint];
      expect(to.toLowerCase()).toBe(replay.call.from.toLowerCase());
      expect(amount).toBeGreaterThan(0n);
      const values = await runner.invariantValues();
      expect(values.find((v) => v.name === 'supplyCoversBalances')?.holds).toBe(false);
    }
  }, 120_000);

  it('has no model on the correct Coin, whose check holds after every transfer and burn', async () => {
    const specFile = join(fixtures, 'Coin.spec.ts');
    const session = await openSession(specFile, { root: fixtures, settings: defaultSettings });
    for (const fn of ['transfer', 'burn']) {
      const { successes, broken } = await brokenAfter(session, specFile, fn);
      expect(successes).toBeGreaterThan(0);
      expect(broken).toEqual([]);
    }
  }, 120_000);
});
