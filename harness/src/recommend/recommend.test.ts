import { keccak256, stringToBytes, type Hex } from 'viem';
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
import { recommend } from './recommend.js';
import { safeChecksum } from './safeChecksum.js';
import { toSafeBatch } from './toSafeBatch.js';
import type { Lever, Recommendation } from './types.js';
import { validateRecommendation } from './validateRecommendation.js';

async function recommendFor(spec: string, id: string): Promise<{ session: SpecSession; finding: Finding; rec: Recommendation }> {
  const session = await openSession(`specs/${spec}.spec.ts`, { root: process.cwd(), cacheDir: '.vigil/cache/compile', settings: { ...defaultSettings, seed: 1 } });
  const result = await toSpecResult(await runCampaign(session), { seed: 1, reportPath: 'reports/vigil-report.json' });
  const finding = result.findings.find((f) => f.id === id)!;
  expect(finding, `${id} found`).toBeDefined();
  // No saved corpus: honest traffic is the spec's scenarios and fresh random sequences, the same on every machine.
  const rec = await recommend(session, finding, { corpusDir: '.vigil/tmp/recommend-test/no-corpus' });
  return { session, finding, rec };
}

/**
 * Independent of the recommender's own replay: the levers are sent as the JSON says (to,
 * calldata, signer), the state after them becomes the base, and the campaign's runSequence
 * replays the counterexample. True when the finding's check still breaks.
 */
async function stillBreaks(session: SpecSession, levers: readonly Lever[], records: Finding['shrunk']['calls'], target: string): Promise<boolean> {
  session.chain.revertTo(session.base);
  for (const l of levers) {
    const r = await session.chain.call({ from: l.authority.signer as Hex, to: l.call.address as Hex, data: l.call.calldata as Hex });
    expect(r.status, `${l.id} goes through`).toBe('success');
  }
  const base = session.chain.snapshot();
  try {
    const calls = records.map((r) => fromCallRecord(session, r)) as FuzzCall[];
    const outcome = await runSequence({ ...session, base }, calls, { target });
    return outcome.violation !== undefined;
  } finally {
    session.chain.revertTo(session.base);
    session.chain.release(base);
  }
}

const byId = (rec: Recommendation, id: string) => rec.levers.find((l) => l.id === id)!;

describe('recommend on GuardedBuggy (donate without a health check, either asset)', () => {
  let session: SpecSession;
  let finding: Finding;
  let rec: Recommendation;
  beforeAll(async () => {
    ({ session, finding, rec } = await recommendFor('GuardedBuggy', 'GuardedBuggy:invariant:positionsHealthy'));
  }, 600_000);

  it('chooses freezing both collateral assets, not the global pause, signed by the pauser, undone by the admin', () => {
    expect(rec.status).toBe('covered');
    expect(rec.chosen!.levers).toEqual(['freezeGold', 'freezeSilver']);
    for (const id of rec.chosen!.levers) {
      expect(byId(rec, id).authority.signer).toBe('0x0000000000000000000000000000000000040000');
      expect(byId(rec, id).undo!.authority.holders).toEqual(['0x0000000000000000000000000000000000030000']);
    }
    expect(rec.undoPlan.map((u) => u.signer)).toEqual(['0x0000000000000000000000000000000000030000', '0x0000000000000000000000000000000000030000']);
    expect(rec.alternatives.map((a) => a.levers)).toContainEqual(['market.pause()']);
    expect(byId(rec, 'market.pause()').preconditions[0]).toEqual({ description: 'paused() is false (now false)', holds: true });
  });

  it('the chosen levers really stop every counterexample (independent replay)', async () => {
    const chosen = rec.chosen!.levers.map((id) => byId(rec, id));
    for (const cx of rec.evidence.counterexamples.filter((c) => c.violationIndex >= 0)) {
      expect(await stillBreaks(session, [], cx.calls, finding.id), `${cx.id} breaks without levers`).toBe(true);
      expect(await stillBreaks(session, chosen, cx.calls, finding.id), `${cx.id} with the levers`).toBe(false);
    }
  });

  it('is minimal: dropping either freeze lets a counterexample through, and the cheaper levers do not stop the attack', async () => {
    const cxs = rec.evidence.counterexamples.filter((c) => c.violationIndex >= 0);
    for (const dropped of rec.chosen!.levers) {
      const rest = rec.chosen!.levers.filter((id) => id !== dropped).map((id) => byId(rec, id));
      let through = false;
      for (const cx of cxs) through ||= await stillBreaks(session, rest, cx.calls, finding.id);
      expect(through, `without ${dropped}`).toBe(true);
    }
    for (const cheap of rec.levers.filter((l) => l.rank < 2)) {
      expect(await stillBreaks(session, [cheap], finding.shrunk.calls, finding.id), cheap.id).toBe(true);
    }
  });

  it('re-fuzzing with one freeze finds the route through the other asset', () => {
    const [first, last] = [rec.evidence.refuzz[0]!, rec.evidence.refuzz.at(-1)!];
    expect(first.levers).toHaveLength(1);
    expect(first.found.length).toBeGreaterThan(0);
    expect(last.levers).toEqual(rec.chosen!.levers);
    expect(last.found).toEqual([]);
    const around = rec.evidence.counterexamples.find((c) => c.id === first.found[0])!;
    expect(around.origin).toBe('refuzz');
    expect(around.calls.some((c) => c.function === 'donate')).toBe(true);
  });

  it('lists blocked honest calls and keeps exits and liquidations open, which the global pause does not', () => {
    const s = rec.sideEffects.chosen!;
    expect(s.functions.find((f) => f.function === 'deposit')!.blocked).toBeGreaterThan(0);
    expect(s.exitsBlocked).toBe(false);
    expect(s.liquidationsBlocked).toBe(false);
    expect(s.scenarios).toEqual([{ name: 'repayAndWithdraw', completed: true }, { name: 'liquidateAfterPriceDrop', completed: true }]);
    const pause = rec.sideEffects.perLever['market.pause()']!;
    expect(pause.exitsBlocked).toBe(true);
    expect(pause.scenarios.every((x) => !x.completed)).toBe(true);
    expect(rec.weights['market.pause()']!).toBeGreaterThan(rec.chosen!.weight);
  });

  it('records where the attack now reverts, and that a lever pulled mid-attack still helps', () => {
    const replay = rec.evidence.chosenReplays.find((r) => r.counterexample === 'shrunk')!;
    expect(replay.outcome).toBe('prevented');
    expect(replay.revertsAt).toMatchObject({ function: 'donate(address,uint256)', reason: 'Error("Market: frozen")' });
    expect(rec.severity.level).toBe('Critical');
    expect(rec.urgency.level).toBe('immediate');
  });

  it('fits its JSON schema, and the schema rejects a broken one', () => {
    const json = JSON.parse(JSON.stringify(rec));
    expect(validateRecommendation(json)).toEqual([]);
    delete json.severity;
    json.chosen.weight = 'heavy';
    expect(validateRecommendation(json).length).toBeGreaterThanOrEqual(2);
  });

  it('writes a Safe batch whose transactions are the levers, with a checksum that follows its content', () => {
    const calls = rec.chosen!.levers.map((id) => byId(rec, id).call);
    const batch = toSafeBatch(calls, { name: 'n', description: 'd', chainId: '1', createdAt: 0 });
    expect(batch.transactions.map((t) => [t.to, t.data, t.value])).toEqual(calls.map((c) => [c.address, c.calldata, '0']));
    expect(batch.transactions[0]!.contractMethod!.inputs.map((i) => i.type)).toEqual(['address', 'bool']);
    expect(batch.transactions[0]!.contractInputsValues).toEqual({ asset: calls[0]!.args[0], on: 'true' });
    expect(batch.meta.checksum).toBe(safeChecksum(batch));
    const tampered = { ...batch, transactions: [...batch.transactions].reverse() };
    expect(safeChecksum(tampered)).not.toBe(batch.meta.checksum);
  });
});

describe('recommend on TokenBuggy (self-transfer credits twice)', () => {
  let session: SpecSession;
  let finding: Finding;
  let rec: Recommendation;
  beforeAll(async () => {
    ({ session, finding, rec } = await recommendFor('TokenBuggy', 'TokenBuggy:invariant:supplyIsSumOfBalances'));
  }, 600_000);

  it('finds pause() from the ABI, its owner on the chain, and chooses it; its cost includes burns (an exit)', async () => {
    const pause = byId(rec, 'token.pause()');
    expect(pause).toMatchObject({ kind: 'pause-contract', source: 'abi' });
    expect(pause.authority.signer).toBe('0x0000000000000000000000000000000000030000');
    expect(pause.authority.evidence[0]).toMatch(/owner\(\) returns 0x0+30000/);
    expect(rec.chosen!.levers).toEqual(['token.pause()']);
    expect(rec.undoPlan[0]!.call.function).toBe('unpause');
    expect(await stillBreaks(session, [pause], finding.shrunk.calls, finding.id)).toBe(false);
    expect(await stillBreaks(session, [], finding.shrunk.calls, finding.id)).toBe(true);
    expect(rec.sideEffects.chosen!.exitsBlocked).toBe(true);
    expect(validateRecommendation(JSON.parse(JSON.stringify(rec)))).toEqual([]);
  });
});

describe('safeChecksum', () => {
  it('hashes the Transaction Builder canonical form (sorted keys, meta.name null, no checksum)', () => {
    const batch = {
      version: '1.0', chainId: '1', createdAt: 0,
      meta: { name: 'x', description: '', txBuilderVersion: '1', createdFromSafeAddress: '', createdFromOwnerAddress: '', checksum: 'old' },
      transactions: [],
    };
    const canonical = '{["chainId","createdAt","meta","transactions","version"]"1",0,{["createdFromOwnerAddress","createdFromSafeAddress","description","name","txBuilderVersion"]"","","",null,"1",},[],"1.0",}';
    expect(safeChecksum(batch)).toBe(keccak256(stringToBytes(canonical)));
  });
});
