import { decodeRevert } from '../abi/decodeRevert.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { CataloguedLever } from './catalogLevers.js';
import type { HonestSequence } from './honestTraffic.js';
import type { FunctionBlock, SideEffects } from './types.js';

/** Functions that give users their funds back, and liquidations, which keep the books sound: levers should leave both open. */
const EXIT = /^(withdraw|redeem|repay|burn|exit|unstake|close|claim)/i;
const LIQUIDATION = /^liquidat/i;

/** Each honest call's revert reason (undefined: it went through), with `levers` pulled first. */
export async function runHonest(session: SpecSession, seq: HonestSequence, levers: readonly CataloguedLever[]): Promise<(string | undefined)[]> {
  const { chain } = session;
  chain.revertTo(session.base);
  for (const l of levers) {
    const r = await chain.call({ from: l.call.from, to: l.call.contract.address, data: l.call.data });
    if (r.status !== 'success') return seq.steps.map(() => `lever ${l.lever.id} reverted`);
  }
  const out: (string | undefined)[] = [];
  for (const s of seq.steps) {
    if (s.timeDelta !== 0n || s.blockDelta !== 0n) chain.advance(s.timeDelta, s.blockDelta);
    const r = await chain.call({ from: s.from, to: s.contract.address, data: s.data, value: s.value });
    out.push(r.status === 'success' ? undefined : r.status === 'halt' ? `halted: ${r.error}` : decodeRevert(r.returnData, session.deployment.abis).text);
  }
  return out;
}

/**
 * What `levers` cost honest users: each honest call that went through without them and
 * reverts with them, per function, and whether exits or liquidations are among them.
 * `baseline` is `runHonest` of each sequence without levers.
 */
export async function measureSideEffects(session: SpecSession, traffic: readonly HonestSequence[], baseline: readonly (string | undefined)[][], levers: readonly CataloguedLever[]): Promise<SideEffects> {
  const fns = new Map<string, FunctionBlock>();
  const scenarios: SideEffects['scenarios'] = [];
  let calls = 0;
  let blockedCalls = 0;
  for (let k = 0; k < traffic.length; k++) {
    const seq = traffic[k]!;
    const now = await runHonest(session, seq, levers);
    let blockedAt: SideEffects['scenarios'][number]['blockedAt'];
    seq.steps.forEach((s, i) => {
      if (baseline[k]![i] !== undefined) return;
      const id = `${s.contract.key}.${s.function}`;
      const f = fns.get(id) ?? { contract: s.contract.key, function: s.function, blocked: 0, total: 0, exit: EXIT.test(s.function), liquidation: LIQUIDATION.test(s.function) };
      fns.set(id, f);
      f.total++;
      calls++;
      if (now[i] !== undefined) {
        f.blocked++;
        blockedCalls++;
        blockedAt ??= { index: i, function: id, reason: now[i]! };
      }
    });
    if (seq.name.startsWith('scenario:')) scenarios.push({ name: seq.name.slice('scenario:'.length), completed: blockedAt === undefined, ...(blockedAt ? { blockedAt } : {}) });
  }
  const functions = [...fns.values()].sort((a, b) => `${a.contract}.${a.function}`.localeCompare(`${b.contract}.${b.function}`));
  return {
    sequences: traffic.length, calls, blockedCalls, functions,
    exitsBlocked: functions.some((f) => f.exit && f.blocked > 0),
    liquidationsBlocked: functions.some((f) => f.liquidation && f.blocked > 0),
    scenarios,
  };
}
