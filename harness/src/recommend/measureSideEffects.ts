import { decodeRevert } from '../abi/decodeRevert.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { CataloguedLever } from './catalogLevers.js';
import type { HonestSequence } from './honestTraffic.js';
import type { FunctionBlock, SideEffects } from './types.js';

/** Functions that give users their funds back, and liquidations, which keep the books sound: levers should leave both open. */
const EXIT = /^(withdraw|redeem|repay|burn|exit|unstake|close|claim)/i;
const LIQUIDATION = /^liquidat/i;

/**
 * Each honest call's revert reason (undefined: it went through), with `levers` pulled first.
 * With `knockOn`, each call that went through in `baseline` and reverts now is sent again in
 * a snapshot with the levers undone: if it still reverts, the lever did not block it, the
 * state it left did (shares never received because a transfer was closed), and its index is added.
 */
export async function runHonest(session: SpecSession, seq: HonestSequence, levers: readonly CataloguedLever[], knockOn?: { baseline: readonly (string | undefined)[]; indices: Set<number> }): Promise<(string | undefined)[]> {
  const { chain } = session;
  chain.revertTo(session.base);
  for (const l of levers) {
    const r = await chain.call({ from: l.call.from, to: l.call.contract.address, data: l.call.data });
    if (r.status !== 'success') return seq.steps.map(() => `lever ${l.lever.id} reverted`);
  }
  const undos = levers.every((l) => l.undo?.from !== undefined) ? [...levers].reverse().map((l) => l.undo!) : undefined;
  const out: (string | undefined)[] = [];
  for (const [i, s] of seq.steps.entries()) {
    if (s.timeDelta !== 0n || s.blockDelta !== 0n) chain.advance(s.timeDelta, s.blockDelta);
    const r = await chain.call({ from: s.from, to: s.contract.address, data: s.data, value: s.value });
    out.push(r.status === 'success' ? undefined : r.status === 'halt' ? `halted: ${r.error}` : decodeRevert(r.returnData, session.deployment.abis).text);
    if (r.status !== 'success' && knockOn && undos && knockOn.baseline[i] === undefined && await revertsUnlevered(session, undos, s)) knockOn.indices.add(i);
  }
  return out;
}

/** After `step` reverted (which changed nothing): undo the levers, send it again, and roll both back. */
async function revertsUnlevered(session: SpecSession, undos: readonly NonNullable<CataloguedLever['undo']>[], step: HonestSequence['steps'][number]): Promise<boolean> {
  const { chain } = session;
  const snap = chain.snapshot();
  try {
    for (const u of undos) {
      // An undo that cannot be sent here says nothing about the step: count it as blocked.
      if ((await chain.call({ from: u.from!, to: u.contract.address, data: u.data })).status !== 'success') return false;
    }
    return (await chain.call({ from: step.from, to: step.contract.address, data: step.data, value: step.value })).status !== 'success';
  } finally {
    chain.revertTo(snap);
    chain.release(snap);
  }
}

/**
 * What `levers` cost honest users: each honest call that went through without them and
 * reverts because of them (not merely after them: see `runHonest`), per function, and
 * whether exits or liquidations are among them. A scenario counts as blocked at its first
 * call that reverts either way. `baseline` is `runHonest` of each sequence without levers.
 */
export async function measureSideEffects(session: SpecSession, traffic: readonly HonestSequence[], baseline: readonly (string | undefined)[][], levers: readonly CataloguedLever[]): Promise<SideEffects> {
  const fns = new Map<string, FunctionBlock>();
  const scenarios: SideEffects['scenarios'] = [];
  let calls = 0;
  let blockedCalls = 0;
  for (let k = 0; k < traffic.length; k++) {
    const seq = traffic[k]!;
    const knockOn = { baseline: baseline[k]!, indices: new Set<number>() };
    const now = await runHonest(session, seq, levers, knockOn);
    let blockedAt: SideEffects['scenarios'][number]['blockedAt'];
    seq.steps.forEach((s, i) => {
      if (baseline[k]![i] !== undefined) return;
      const id = `${s.contract.key}.${s.function}`;
      const f = fns.get(id) ?? { contract: s.contract.key, function: s.function, blocked: 0, total: 0, exit: EXIT.test(s.function), liquidation: LIQUIDATION.test(s.function) };
      fns.set(id, f);
      f.total++;
      calls++;
      if (now[i] === undefined) return;
      blockedAt ??= { index: i, function: id, reason: now[i]! };
      if (knockOn.indices.has(i)) return;
      f.blocked++;
      blockedCalls++;
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
