import { decodeFunctionResult, encodeFunctionData, toFunctionSelector, type Abi, type Hex } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../campaign/CampaignSettings.js';
import { fromCallRecord } from '../campaign/fromCallRecord.js';
import { openSession } from '../campaign/openSession.js';
import { runCampaign } from '../campaign/runCampaign.js';
import { runSequence } from '../campaign/runSequence.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import { toSpecResult } from '../campaign/toSpecResult.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { Finding } from '../report/types.js';
import { leverRules } from './leverRules.js';
import { recommend } from './recommend.js';
import type { Lever, Recommendation } from './types.js';
import { validateRecommendation } from './validateRecommendation.js';

const ALICE = '0x0000000000000000000000000000000000010000';
const BOB = '0x0000000000000000000000000000000000020000';
const ADMIN = '0x0000000000000000000000000000000000030000';
const GUARDIAN = '0x0000000000000000000000000000000000040000';
const PUBLIC_ROLE = 2n ** 64n - 1n;
const sel = (s: string) => toFunctionSelector(s);

/** A real (small) campaign on a fixture spec, its finding, and the recommendation for it. */
async function recommendFor(spec: string, id: string): Promise<{ session: SpecSession; finding: Finding; rec: Recommendation }> {
  const settings = { ...defaultSettings, seed: 1, runs: 30, depth: 30 };
  const session = await openSession(`harness/src/recommend/fixtures/${spec}.spec.ts`, { root: process.cwd(), cacheDir: '.vigil/cache/compile', settings });
  const result = await toSpecResult(await runCampaign(session), { seed: 1, reportPath: 'reports/vigil-report.json' });
  const finding = result.findings.find((f) => f.id === id)!;
  expect(finding, `${id} found`).toBeDefined();
  const rec = await recommend(session, finding, { corpusDir: '.vigil/tmp/recommend-test/no-corpus', refuzz: { rounds: 1, runs: 20, depth: 20 } });
  return { session, finding, rec };
}

/** Sends the levers as the JSON says (to, calldata, signer), then `then` on that state; the chain goes back to the baseline. */
async function withLevers<T>(session: SpecSession, levers: readonly Pick<Lever, 'call' | 'authority' | 'id'>[], then: (base: ReturnType<SpecSession['chain']['snapshot']>) => Promise<T>): Promise<T> {
  session.chain.revertTo(session.base);
  for (const l of levers) {
    const r = await session.chain.call({ from: l.authority.signer as Hex, to: l.call.address as Hex, data: l.call.calldata as Hex });
    expect(r.status, `${l.id} goes through`).toBe('success');
  }
  const base = session.chain.snapshot();
  try {
    return await then(base);
  } finally {
    session.chain.revertTo(session.base);
    session.chain.release(base);
  }
}

/** The campaign's own runSequence on the counterexample, after the levers: does the finding's check still break? */
async function stillBreaks(session: SpecSession, levers: readonly Lever[], records: Finding['shrunk']['calls'], target: string): Promise<boolean> {
  return withLevers(session, levers, async (base) => {
    const calls = records.map((r) => fromCallRecord(session, r)) as FuzzCall[];
    return (await runSequence({ ...session, base }, calls, { target })).violation !== undefined;
  });
}

async function send(session: SpecSession, key: string, from: Hex, fn: string, args: unknown[]): Promise<'success' | string> {
  const c = session.deployment.contracts.find((x) => x.key === key)!;
  const r = await session.chain.call({ from, to: c.address, data: encodeFunctionData({ abi: c.abi as Abi, functionName: fn, args }) });
  return r.status;
}

async function view(session: SpecSession, key: string, fn: string, args: unknown[]): Promise<unknown> {
  const c = session.deployment.contracts.find((x) => x.key === key)!;
  const r = await session.chain.staticCall({ from: ADMIN, to: c.address, data: encodeFunctionData({ abi: c.abi as Abi, functionName: fn, args }) });
  return decodeFunctionResult({ abi: c.abi as Abi, functionName: fn, data: r.returnData });
}

const byId = (rec: Recommendation, id: string) => rec.levers.find((l) => l.id === id)!;

describe('AccessManager levers on a restricted vault (self-transfer of shares mints them)', () => {
  let session: SpecSession;
  let finding: Finding;
  let rec: Recommendation;
  let vault: Hex;
  const closeTransfer = `manager.setTargetFunctionRole(vault,[${sel('transferShares(address,uint256)')}],0)`;
  const closeVault = 'manager.setTargetClosed(vault,true)';
  beforeAll(async () => {
    ({ session, finding, rec } = await recommendFor('ManagedVaultBuggy', 'ManagedVaultBuggy:invariant:sharesBacked'));
    vault = session.deployment.contracts.find((c) => c.key === 'vault')!.address;
  }, 120_000);

  it('catalogues setTargetClosed and one setTargetFunctionRole per fuzzed function, with kinds, ranks, the admin as holder and undos that restore the chain', () => {
    expect(rec.levers.map((l) => [l.id, l.kind, l.rank]).sort()).toEqual([
      [closeVault, 'pause-contract', 5],
      ...['deposit(uint256)', 'transferShares(address,uint256)', 'withdraw(uint256)'].map((s) => [`manager.setTargetFunctionRole(vault,[${sel(s)}],0)`, 'close-function', 3]),
    ].sort());
    for (const l of rec.levers) {
      // Actors were tried too and reverted: only ADMIN_ROLE's holder may pull or undo.
      expect(l.authority).toMatchObject({ signer: ADMIN, holders: [ADMIN] });
      expect(l.authority.evidence).toEqual([`${ADMIN}: succeeds in a snapshot of the current state (hasRole(ADMIN_ROLE, ${ADMIN}) is (true, 0))`]);
      expect(l.undo!.authority.holders).toEqual([ADMIN]);
      expect(l.preconditions.every((p) => p.holds)).toBe(true);
    }
    const close = byId(rec, closeTransfer);
    expect(close.call).toMatchObject({ signature: 'setTargetFunctionRole(address,bytes4[],uint64)', args: [vault, `[${sel('transferShares(address,uint256)')}]`, '0'] });
    // The set-up opened the function to PUBLIC_ROLE; the undo gives that back (OpenZeppelin's default would be ADMIN_ROLE).
    expect(close.undo!.call.args).toEqual([vault, `[${sel('transferShares(address,uint256)')}]`, PUBLIC_ROLE.toString()]);
    expect(close.preconditions[0]!.description).toBe(`getTargetFunctionRole(vault, ${sel('transferShares(address,uint256)')}) is not 0 (now ${PUBLIC_ROLE})`);
    expect(byId(rec, closeVault).undo!.call.args).toEqual([vault, 'false']);
    expect(byId(rec, closeVault).preconditions[0]).toEqual({ description: 'isTargetClosed(vault) is false (now false)', holds: true });
  });

  it('chooses closing the exploited function, not the whole target', () => {
    expect(rec.status).toBe('covered');
    expect(rec.chosen!.levers).toEqual([closeTransfer]);
    expect(rec.alternatives.map((a) => a.levers)).toContainEqual([closeVault]);
    expect(rec.undoPlan).toEqual([expect.objectContaining({ lever: closeTransfer, signer: ADMIN, holders: [ADMIN] })]);
    for (const id of [`manager.setTargetFunctionRole(vault,[${sel('deposit(uint256)')}],0)`, `manager.setTargetFunctionRole(vault,[${sel('withdraw(uint256)')}],0)`]) {
      expect(rec.evidence.matrix.filter((e) => e.lever === id && e.counterexample === 'shrunk').map((e) => e.outcome)).toEqual(['not-prevented']);
    }
    expect(rec.evidence.chosenReplays.find((r) => r.counterexample === 'shrunk')).toMatchObject({
      outcome: 'prevented', revertsAt: { function: 'transferShares(address,uint256)', reason: `AccessManagedUnauthorized(${BOB})` },
    });
    expect(validateRecommendation(JSON.parse(JSON.stringify(rec)))).toEqual([]);
  });

  it('an independent replay shows the lever stops the attack, keeps withdraw open, and its undo reopens the function', async () => {
    const lever = byId(rec, closeTransfer);
    for (const cx of rec.evidence.counterexamples.filter((c) => c.violationIndex >= 0)) {
      expect(await stillBreaks(session, [], cx.calls, finding.id), `${cx.id} without the lever`).toBe(true);
      expect(await stillBreaks(session, [lever], cx.calls, finding.id), `${cx.id} with the lever`).toBe(false);
    }
    await withLevers(session, [lever], async () => {
      expect(await view(session, 'manager', 'canCall', [ALICE, vault, sel('transferShares(address,uint256)')])).toEqual([false, 0]);
      expect(await view(session, 'manager', 'canCall', [ALICE, vault, sel('withdraw(uint256)')])).toEqual([true, 0]);
      expect(await send(session, 'vault', ALICE, 'transferShares', [ALICE, 1n])).toBe('revert');
      expect(await send(session, 'vault', BOB, 'withdraw', [2n ** 255n])).toBe('success');
      const undo = lever.undo!;
      expect((await session.chain.call({ from: undo.authority.signer as Hex, to: undo.call.address as Hex, data: undo.call.calldata as Hex })).status).toBe('success');
      expect(await send(session, 'vault', ALICE, 'transferShares', [BOB, 1n])).toBe('success');
    });
  });

  it('measures exits open under the chosen lever and blocked under setTargetClosed', () => {
    const chosen = rec.sideEffects.chosen!;
    expect(chosen.exitsBlocked).toBe(false);
    expect(chosen.functions.find((f) => f.function === 'withdraw')).toMatchObject({ exit: true, blocked: 0 });
    expect(chosen.functions.find((f) => f.function === 'transferShares')!.blocked).toBeGreaterThan(0);
    expect(chosen.scenarios).toEqual([{ name: 'exit', completed: true }]);
    const closed = rec.sideEffects.perLever[closeVault]!;
    expect(closed.exitsBlocked).toBe(true);
    expect(closed.scenarios[0]).toMatchObject({ name: 'exit', completed: false, blockedAt: { function: 'vault.withdraw' } });
    expect(rec.weights[closeVault]!).toBeGreaterThan(rec.chosen!.weight);
  });
});

describe('rate-limit and freeze levers on a pool (self-move of credit doubles it)', () => {
  let session: SpecSession;
  let finding: Finding;
  let rec: Recommendation;
  beforeAll(async () => {
    ({ session, finding, rec } = await recommendFor('OutflowPoolBuggy', 'OutflowPoolBuggy:invariant:creditBacked'));
  }, 120_000);

  it('recognises the declared outflow limit, freezeAsset and pause with their kinds, ranks, guardian signer and owner-only undo', () => {
    expect(rec.levers.map((l) => [l.id, l.kind, l.rank, l.source])).toEqual([
      ['limitOutflow', 'rate-limit', 1, 'spec'],
      ['pool.freezeAsset(asset)', 'freeze', 2, 'abi'],
      ['pool.pause()', 'pause-contract', 5, 'abi'],
    ]);
    for (const l of rec.levers) {
      expect(l.authority.signer).toBe(GUARDIAN);
      expect(l.authority.holders).toEqual([GUARDIAN, ADMIN]);
      expect(l.undo!.authority.holders).toEqual([ADMIN]);
    }
    expect(byId(rec, 'pool.freezeAsset(asset)').undo!.call.function).toBe('unfreezeAsset');
    expect(byId(rec, 'pool.freezeAsset(asset)').preconditions[0]).toEqual({ description: 'isFrozen(asset) is false (now false)', holds: true });
    expect(byId(rec, 'pool.freezeAsset(asset)').authority.evidence[0]).toMatch(/guardian\(\) returns 0x0+40000/);
    expect(rec.skipped).toEqual([]);
  });

  it('an undeclared outflow limit is listed as needing a value, not guessed', () => {
    const rule = leverRules.find((r) => r.match({ type: 'function', name: 'setOutflowLimit', inputs: [{ name: 'perPeriod', type: 'uint256' }], outputs: [], stateMutability: 'nonpayable' }))!;
    expect(rule.kind).toBe('rate-limit');
    expect(rule.needsValue).toMatch(/declare it under `levers`/);
  });

  it('says through the matrix that the rate limit alone does not stop the attack, and freezes the asset instead', async () => {
    const limit = rec.evidence.matrix.filter((e) => e.lever === 'limitOutflow');
    expect(limit.length).toBeGreaterThan(0);
    expect(limit.every((e) => e.outcome === 'not-prevented')).toBe(true);
    expect(rec.evidence.matrix.filter((e) => e.lever === 'pool.freezeAsset(asset)' && e.after === -1).every((e) => e.outcome === 'prevented')).toBe(true);
    expect(rec.chosen!.levers).toEqual(['pool.freezeAsset(asset)']);
    expect(await stillBreaks(session, [byId(rec, 'limitOutflow')], finding.shrunk.calls, finding.id)).toBe(true);
    expect(await stillBreaks(session, [byId(rec, 'pool.freezeAsset(asset)')], finding.shrunk.calls, finding.id)).toBe(false);
    expect(rec.sideEffects.chosen!.exitsBlocked).toBe(false);
    expect(rec.sideEffects.perLever['pool.pause()']!.exitsBlocked).toBe(true);
    expect(validateRecommendation(JSON.parse(JSON.stringify(rec)))).toEqual([]);
  });
});
