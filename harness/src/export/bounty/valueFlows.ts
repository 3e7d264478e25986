import type { CallRecord } from '../../report/types.js';

/** One movement of a token (a Transfer-like event) or of ether, at a step of the sequence. */
export interface ValueFlow {
  /** 1-based step of the sequence. */
  step: number;
  /** The spec's key of the contract that emitted it (the token), or `ether`. */
  asset: string;
  from: string;
  to: string;
  amount: bigint;
}

/** What the sequence's senders (the attacker's accounts) end with, per asset. */
export interface AttackerGain {
  asset: string;
  /** Received minus sent by the attacker's accounts together; moves among them cancel out. */
  net: bigint;
  received: bigint;
}

const FROM = ['from', 'src', 'sender', '_from'];
const TO = ['to', 'dst', 'receiver', 'recipient', '_to'];
const AMOUNT = ['value', 'amount', 'wad', '_value', '_amount'];

/**
 * Value moved in the sequence, read from what the report holds: `Transfer`-shaped events
 * (from, to, amount) and ether sent with calls. Storage is not read, so a balance written
 * without an event is not seen: gains are a lower bound of what the attacker got.
 */
export function valueFlows(calls: readonly CallRecord[]): ValueFlow[] {
  const flows: ValueFlow[] = [];
  calls.forEach((c, i) => {
    const step = i + 1;
    if (BigInt(c.value) > 0n) flows.push({ step, asset: 'ether', from: c.sender, to: c.address, amount: BigInt(c.value) });
    for (const e of c.result?.events ?? []) {
      if (e.name !== 'Transfer') continue;
      const from = pick(e.args, FROM);
      const to = pick(e.args, TO);
      const amount = pick(e.args, AMOUNT);
      if (from === undefined || to === undefined || amount === undefined || !/^\d+$/.test(amount)) continue;
      flows.push({ step, asset: e.contract, from: from.toLowerCase(), to: to.toLowerCase(), amount: BigInt(amount) });
    }
  });
  return flows;
}

export function attackerGains(flows: readonly ValueFlow[], attackers: ReadonlySet<string>): AttackerGain[] {
  const byAsset = new Map<string, AttackerGain>();
  for (const f of flows) {
    const into = attackers.has(f.to.toLowerCase());
    const out = attackers.has(f.from.toLowerCase());
    if (into === out) continue;
    const g = byAsset.get(f.asset) ?? { asset: f.asset, net: 0n, received: 0n };
    if (into) {
      g.net += f.amount;
      g.received += f.amount;
    } else g.net -= f.amount;
    byAsset.set(f.asset, g);
  }
  return [...byAsset.values()];
}

function pick(args: Record<string, string>, names: readonly string[]): string | undefined {
  for (const n of names) if (args[n] !== undefined) return args[n];
  return undefined;
}
