import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../campaign/CampaignSettings.js';
import { openSession } from '../../campaign/openSession.js';
import { runSequence } from '../../campaign/runSequence.js';
import { fromCallRecord } from '../../campaign/fromCallRecord.js';
import type { FuzzCall } from '../../fuzz/FuzzCall.js';
import { SymbolicEvm } from '../explore/SymbolicEvm.js';
import { openZ3, type Z3Session } from '../z3/openZ3.js';
import { supplyCoversBalances, undecidedAfterOneCall } from './fixtures/handChecks.js';
import { readSetupWorld } from './initialState.js';
import { sevmOptionsFor, type ProofContext } from './ProofContext.js';
import { proveChecks } from './proveChecks.js';
import { runBounded, type BoundedResult } from './runBounded.js';
import { defaultProveBounds, type VerifyCheck } from './types.js';
import { VIEW_CALLER } from './viewCall.js';
import { toFunctionSelector, type AbiFunction } from 'viem';

const fixtures = join(import.meta.dirname, 'fixtures');
const open = (file: string) => openSession(join(fixtures, file), { root: fixtures, settings: defaultSettings });

let z3: Z3Session;
beforeAll(async () => {
  z3 = await openZ3();
});
afterAll(async () => {
  await z3.close();
});

describe('proveChecks with a hand-written check', () => {
  // k = 1 keeps the test short; the inductive step goes through (see toIntegerQuery).
  it('proves the correct coin inductively, never unknown', async () => {
    const session = await open('Coin.spec.ts');
    const { proofs, findings } = await proveChecks(session, [supplyCoversBalances('coin')], {
      ctx: z3.ctx, sevm: new SymbolicEvm(z3.ctx), bounds: { ...defaultProveBounds, depth: 1, timeoutMs: 10_000 }, reportPath: 'reports/vigil-report.json',
    });
    expect(findings).toEqual([]);
    expect(proofs).toHaveLength(1);
    expect(proofs[0]).toMatchObject({ name: 'supplyCoversBalances', depth: 1, loopBound: 3 });
    expect(proofs[0]!.verdict).toBe('proved-inductive');
  }, 300_000);

  it('gives the buggy coin a counterexample that the real runner replays', async () => {
    const session = await open('CoinBuggy.spec.ts');
    const { proofs, findings } = await proveChecks(session, [supplyCoversBalances('coin')], {
      ctx: z3.ctx, sevm: new SymbolicEvm(z3.ctx), bounds: { ...defaultProveBounds, depth: 1, timeoutMs: 10_000 }, reportPath: 'reports/vigil-report.json',
    });
    expect(proofs[0]).toMatchObject({ verdict: 'counterexample', findingId: 'CoinBuggy:invariant:supplyCoversBalances' });
    const finding = findings[0]!;
    expect(finding.shrunk.calls.at(-1)!.function).toBe('transfer');
    // The recorded calls, read back as a report reader would, break the check in the EVM.
    const calls = finding.shrunk.calls.map((r) => fromCallRecord(session, r)) as FuzzCall[];
    const outcome = await runSequence(session, calls, { target: finding.id });
    expect(outcome.violation?.id).toBe(finding.id);
  }, 300_000);

  it('reports the depth it proved when the next one is not decided: proved-bounded (k=1), never a deeper claim', async () => {
    const session = await open('Coin.spec.ts');
    const check = undecidedAfterOneCall('coin', 'unknown');
    const p: ProofContext = {
      ctx: z3.ctx, sevm: new SymbolicEvm(z3.ctx), session, world: await readSetupWorld(session),
      contracts: new Map(session.deployment.contracts.map((c) => [c.key, { address: c.address, abi: c.abi }])),
      bounds: { ...defaultProveBounds, depth: 2, timeoutMs: 10_000 }, sevmOptions: sevmOptionsFor(defaultProveBounds), reportPath: 'reports/vigil-report.json', startedAt: Date.now(),
    };
    const progress: BoundedResult[] = [];
    const r = (await runBounded(p, [check], (_name, partial) => progress.push(partial))).get(check.name)!;
    expect(progress).toEqual([{ verdict: 'proved-bounded', depth: 1, reason: 'depth 1, loop bound 3' }]);
    expect(r.verdict).toBe('proved-bounded');
    expect(r.depth).toBe(1);
    expect(r.reason).toMatch(/^depth 1, loop bound 3; depth 2 unknown: not decided after a second call/);
    // Through proveChecks: the record carries k = 1 (the step then proves it inductive).
    const { proofs } = await proveChecks(session, [check], { ctx: z3.ctx, sevm: p.sevm, bounds: p.bounds, reportPath: p.reportPath });
    expect(proofs[0]).toMatchObject({ name: 'supplyCoversBalances', verdict: 'proved-inductive', depth: 1 });
    // The buggy coin breaks at depth 1: no depth is proved, and the counterexample stands.
    const buggy = await proveChecks(await open('CoinBuggy.spec.ts'), [check], { ctx: z3.ctx, sevm: p.sevm, bounds: p.bounds, reportPath: p.reportPath });
    expect(buggy.proofs[0]!.verdict).toBe('counterexample');
  }, 300_000);

  it('at its last depth explores only the functions after which a check is asked (a property on transfer)', async () => {
    const session = await open('Coin.spec.ts');
    const onTransfer: VerifyCheck = {
      kind: 'property',
      name: 'transferKeepsCovering',
      appliesTo: (t) => t.id === 'coin.transfer',
      evaluate: (env) => supplyCoversBalances('coin').evaluate(env),
    };
    const explored: string[] = [];
    const sevm = new SymbolicEvm(z3.ctx);
    const explore = sevm.explore.bind(sevm);
    sevm.explore = (req) => {
      // The steps' calls, not the check's view calls.
      if (req.call.from !== VIEW_CALLER) explored.push(selectorOf(req.call.calldata));
      return explore(req);
    };
    const coin = session.deployment.contracts.find((c) => c.key === 'coin')!;
    const transfer = toFunctionSelector(coin.abi.find((x) => x.type === 'function' && x.name === 'transfer') as AbiFunction);
    const p: ProofContext = {
      ctx: z3.ctx, sevm, session, world: await readSetupWorld(session),
      contracts: new Map(session.deployment.contracts.map((c) => [c.key, { address: c.address, abi: c.abi }])),
      bounds: { ...defaultProveBounds, depth: 1, timeoutMs: 10_000 }, sevmOptions: sevmOptionsFor(defaultProveBounds), reportPath: 'reports/vigil-report.json', startedAt: Date.now(),
    };
    const r = (await runBounded(p, [onTransfer], () => {})).get(onTransfer.name)!;
    expect(r.verdict).toBe('proved-bounded');
    expect(explored.length).toBeGreaterThan(0);
    expect(new Set(explored)).toEqual(new Set([transfer]));
    // At depth 2 every function is explored first (any may lead to a transfer), then transfer alone.
    explored.length = 0;
    await runBounded({ ...p, bounds: { ...p.bounds, depth: 2 } }, [onTransfer], () => {});
    expect(new Set(explored).size).toBeGreaterThan(1);
    expect(explored.at(-1)).toBe(transfer);
  }, 300_000);
});

function selectorOf(cells: readonly unknown[]): string {
  return `0x${cells.slice(0, 4).map((c) => (typeof c === 'number' ? c.toString(16).padStart(2, '0') : '??')).join('')}`;
}
