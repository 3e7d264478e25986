import { numberToHex, type Hex } from 'viem';
import type { InvariantValue } from '../report/types.js';
import type { Guardian } from './createGuardian.js';
import type { JsonRpc } from './JsonRpc.js';
import { leversFromRecommendation } from './leverFromRecommendation.js';
import type { LeverTx } from './LeverTx.js';
import type { LiveBlock } from './LiveBlock.js';
import type { RecommendFn } from './loadRecommender.js';
import type { MonitorAlert, PauseRecord } from './MonitorAlert.js';
import type { MonitorTarget } from './MonitorTarget.js';
import { openFork, type Fork } from './openFork.js';
import { pullLever } from './pullLever.js';
import { replayBlock, type BlockReplay } from './replayBlock.js';
import type { SyncRpc } from './SyncRpc.js';
import { breachToForta } from './breachToForta.js';
import { toMonitorFinding } from './toMonitorFinding.js';

/**
 * The attacker's other routes are searched for with the levers pulled, on the fork of the
 * block before the attack, for a few seconds per round: long enough to find a second asset or
 * function, short enough that the pause still lands within a few blocks.
 */
const REFUZZ = { rounds: 3, runs: 64, depth: 16, timeLimitMs: 5_000 };

export interface Responder {
  target: MonitorTarget;
  rpc: { sync: SyncRpc; async: JsonRpc };
  chainId: number;
  /** Set with --auto-pause. */
  guardian?: Guardian;
  /** A lever authorised in advance (--lever): pulled at once, before evidence and recommendation. */
  lever?: LeverTx;
  recommend?: RecommendFn;
  recommendMissing?: string;
  log: (line: string) => void;
}

/**
 * What happens when invariants break in a block: the alert (at once), the pre-authorised
 * lever if there is one, then the evidence (the block replayed on a fork of its parent),
 * the finding, the recommendation over that fork, and, with --auto-pause and no lever
 * given, the recommendation's chosen levers.
 */
export async function respondToBreach(r: Responder, block: LiveBlock, current: Fork, broken: InvariantValue[], holders: readonly Hex[]): Promise<MonitorAlert[]> {
  const alertAt = Date.now();
  for (const b of broken) r.log(`ALERT block ${block.number}: invariant ${b.name} broken (${b.note ?? 'false'}); detected ${alertAt - block.seenAt} ms after the block was seen`);
  let pauses: PauseRecord[] = [];
  if (r.lever !== undefined && r.guardian !== undefined) pauses = await pull([r.lever], r, current, alertAt);

  // The alert stands even when the evidence cannot be gathered (the node failing mid-way).
  const { replay, parent, problem } = await evidence(r, block, current, holders).catch((e: Error) => ({ replay: undefined, parent: undefined, problem: `evidence unavailable: ${e.message}` }));
  if (problem !== undefined) r.log(`  ${problem}`);
  const alerts: MonitorAlert[] = [];
  for (const b of broken) {
    const finding = toMonitorFinding(r.target, b.name, replay ?? emptyReplay(), block.number, alertAt - block.seenAt);
    const breaksAt = replay?.breaksAt[b.name];
    const tx = breaksAt === undefined ? undefined : block.txs[breaksAt];
    if (tx !== undefined) r.log(`  evidence: replayed ${block.txs.length} tx(s) of block ${block.number} on a fork of block ${block.number - 1n}; ${b.name} breaks at tx ${tx.index} ${tx.hash} (${tx.from} → ${finding.original.calls[breaksAt!]?.contract || tx.to}.${finding.original.calls[breaksAt!]?.function})`);
    let recommendation: unknown;
    let recommendationNote = r.recommendMissing;
    if (r.recommend !== undefined && parent !== undefined) {
      try {
        parent.session.chain.revertTo(parent.session.base);
        const rec = await r.recommend(parent.session, finding, { refuzz: REFUZZ, onProgress: (m) => r.log(`  recommend: ${m}`) });
        recommendation = rec;
        recommendationNote = undefined;
        const levers = leversFromRecommendation(rec);
        r.log(`  recommendation: ${levers.length > 0 ? levers.map((l) => l.label).join(' + ') : `no cover (${rec.status})`}`);
        if (r.guardian !== undefined && r.lever === undefined && pauses.length === 0 && levers.length > 0) pauses = await pull(levers, r, current, alertAt);
      } catch (e) {
        recommendationNote = `recommend failed: ${(e as Error).message.split('\n')[0]}`;
        r.log(`  ${recommendationNote}`);
      }
    }
    const mined = pauses.length > 0 && pauses.every((p) => p.status === 'mined') ? Math.max(...pauses.map((p) => p.minedAt!)) : undefined;
    alerts.push({
      id: `${finding.id}@${block.number}`,
      invariant: b.name,
      message: finding.message,
      block: block.number.toString(),
      blockHash: block.hash,
      ...(tx ? { breakingTx: { index: tx.index, hash: tx.hash, from: tx.from, ...(tx.to ? { to: tx.to } : {}), function: finding.original.calls[breaksAt!]?.function ?? '' } } : {}),
      finding,
      forta: breachToForta({
        spec: r.target.name, invariant: b.name, message: finding.message, chainId: r.chainId, block: block.number, blockHash: block.hash, txHash: tx?.hash, attacker: tx?.from,
        addresses: r.target.contracts.map((c) => c.address),
        metadata: { block: block.number.toString(), breaksAtTx: String(breaksAt ?? ''), detectMs: String(alertAt - block.seenAt) },
        at: new Date(alertAt),
      }),
      evidence: {
        replayedTxs: replay?.calls.length ?? 0,
        ...(breaksAt !== undefined ? { breaksAt } : {}),
        divergences: replay?.divergences ?? [problem ?? 'no replay: the block has no parent on this chain'],
        otherViolations: replay?.violations.map((v) => `tx ${v.index}: ${v.violation.message}`) ?? [],
      },
      ...(recommendation !== undefined ? { recommendation } : {}),
      ...(recommendationNote !== undefined ? { recommendationNote } : {}),
      pauses,
      timing: {
        blockSeenAt: block.seenAt,
        blockTimestamp: block.timestamp.toString(),
        alertAt,
        timeToDetectMs: alertAt - block.seenAt,
        ...(mined !== undefined ? { timeToContainMs: mined - alertAt } : {}),
      },
    });
  }
  return alerts;
}

async function pull(levers: LeverTx[], r: Responder, current: Fork, alertAt: number): Promise<PauseRecord[]> {
  const out: PauseRecord[] = [];
  for (const lever of levers) {
    const record = await pullLever(lever, r.guardian!, current.session, r.rpc.async, alertAt);
    out.push(record);
    r.log(`  pause ${lever.label}: ${record.status}${record.txHash ? ` ${record.txHash}` : ''}${record.block ? ` in block ${record.block}` : ''}${record.minedAt ? `, ${record.minedAt - alertAt} ms after the alert` : ''}${record.reason ? ` (${record.reason})` : ''}`);
    if (record.status !== 'mined') break;
  }
  return out;
}

async function evidence(r: Responder, block: LiveBlock, current: Fork, holders: readonly Hex[]): Promise<{ replay?: BlockReplay; parent?: Fork; problem?: string }> {
  if (block.number === 0n) return {};
  const [header, ...receipts] = (await r.rpc.async.batch([
    { method: 'eth_getBlockByNumber', params: [numberToHex(block.number - 1n), false] },
    ...block.txs.map((t) => ({ method: 'eth_getTransactionReceipt', params: [t.hash] })),
  ])) as [{ timestamp: Hex }, ...({ status: Hex } | null)[]];
  const parentTimestamp = BigInt(header.timestamp);
  const parent = await openFork(r.target, { number: block.number - 1n, timestamp: parentTimestamp }, holders, r.rpc, current.backing.keys());
  const statuses = receipts.map((x) => (x === null ? undefined : BigInt(x.status) === 1n ? ('success' as const) : ('reverted' as const)));
  const replay = await replayBlock(parent.session, parentTimestamp, block, statuses);
  if (parent.backing.failure !== undefined) throw parent.backing.failure;
  return { replay, parent };
}

function emptyReplay(): BlockReplay {
  return { calls: [], invariantsBefore: [], breaksAt: {}, violations: [], divergences: [] };
}
