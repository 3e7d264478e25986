import { appendFile, mkdir, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hex } from 'viem';
import { VigilError } from '../errors/VigilError.js';
import { backoffMs, sleep } from './backoff.js';
import { collectHolders } from './collectHolders.js';
import type { ForkKeys } from './ForkBacking.js';
import { fetchBlock } from './fetchBlock.js';
import { RpcError, type JsonRpc } from './JsonRpc.js';
import type { MonitorAlert } from './MonitorAlert.js';
import { readMonitorState, writeMonitorState, type MonitorState } from './MonitorState.js';
import { openFork } from './openFork.js';
import { respondToBreach, type Responder } from './respondToBreach.js';

export interface MonitorOptions {
  responder: Responder;
  rpc: JsonRpc;
  chainId: number;
  addresses: Record<string, string>;
  /** Where a fresh monitor starts (default: the node's head). Ignored when the state file resumes one. */
  fromBlock?: bigint;
  /** Stop after processing this block (tests, backfills). */
  untilBlock?: bigint;
  holders: Hex[];
  outDir: string;
  stateFile: string;
  pollMs: number;
  signal?: AbortSignal;
}

export interface MonitorSummary {
  blocks: number;
  alerts: MonitorAlert[];
  nextBlock: bigint;
}

/**
 * The watch loop: poll the head, process every block after the last one processed, in
 * order, exactly once; RPC failures are logged and retried with backoff, never fatal.
 * Each processed block is appended to blocks.jsonl and then recorded in the state file;
 * on restart, log lines past the recorded length are cut (that block is processed again).
 */
export async function runMonitor(o: MonitorOptions): Promise<MonitorSummary> {
  const log = o.responder.log;
  const blocksLog = join(o.outDir, 'blocks.jsonl');
  const alertsLog = join(o.outDir, 'alerts.jsonl');
  await mkdir(o.outDir, { recursive: true });
  let state: MonitorState | undefined;
  for (let attempt = 0; state === undefined; attempt++) {
    try {
      state = await resume(o, blocksLog, alertsLog);
    } catch (e) {
      const rpcError = rpcCause(e);
      if (rpcError === undefined) throw e;
      log(`rpc error while starting (${rpcError.message}); retrying in ${backoffMs(attempt)} ms`);
      await sleep(backoffMs(attempt), o.signal);
      if (o.signal?.aborted) return { blocks: 0, alerts: [], nextBlock: o.fromBlock ?? 0n };
    }
  }
  const holders = new Set(state.holders);
  const summary: MonitorSummary = { blocks: 0, alerts: [], nextBlock: BigInt(state.nextBlock) };
  log(`watching ${o.responder.target.name} on chain ${o.chainId} from block ${state.nextBlock}; ${Object.keys(o.responder.target.spec.invariants ?? {}).length} invariants; state ${o.stateFile}`);
  let keys: ForkKeys | undefined;
  let failures = 0;
  while (!o.signal?.aborted) {
    let next = BigInt(state.nextBlock);
    if (o.untilBlock !== undefined && next > o.untilBlock) break;
    try {
      const head = BigInt(await o.rpc.request<Hex>('eth_blockNumber'));
      const seenAt = Date.now();
      while (next <= head && !o.signal?.aborted && (o.untilBlock === undefined || next <= o.untilBlock)) {
        const block = await fetchBlock(o.rpc, next, seenAt);
        if (state.lastHash !== undefined && block.parentHash !== state.lastHash) log(`warning: block ${next}'s parent ${block.parentHash} is not the block processed before (${state.lastHash}): a reorganisation; going on from the new chain`);
        collectHolders(holders, block.txs, block.logs);
        const fork = await openFork(o.responder.target, block, [...holders] as Hex[], o.responder.rpc, keys);
        // Before every contract of the spec exists there is nothing to check (a watch started early).
        const missing = [];
        for (const c of o.responder.target.contracts) if ((await fork.session.chain.getCode(c.address)).length === 0) missing.push(c.key);
        const values = missing.length > 0 ? [] : await fork.session.checks.invariantValues();
        if (fork.backing.failure !== undefined) throw fork.backing.failure;
        keys = fork.backing.keys();
        const broken = values.filter((v) => !v.holds);
        const fresh = broken.filter((v) => !state.broken.includes(v.name));
        const alerts = fresh.length > 0 ? await respondToBreach(o.responder, block, fork, fresh, [...holders] as Hex[]) : [];
        for (const a of alerts) await appendFile(alertsLog, `${JSON.stringify(a)}\n`);
        summary.alerts.push(...alerts);
        await appendFile(blocksLog, `${JSON.stringify({ block: next.toString(), hash: block.hash, txs: block.txs.length, ...(missing.length > 0 ? { notDeployed: missing } : {}), broken: broken.map((b) => b.name), alerts: alerts.map((a) => a.id), forkReads: fork.backing.misses })}\n`);
        const status = missing.length > 0 ? `not checked: no code yet at ${missing.join(', ')}` : broken.length === 0 ? 'ok' : `still broken: ${broken.map((b) => b.name).join(', ')}`;
        if (fresh.length === 0) log(`block ${next}: ${status} (${block.txs.length} tx, ${values.length} invariants, ${fork.backing.misses} blocking reads, ${Date.now() - seenAt} ms)`);
        Object.assign(state, {
          nextBlock: (next + 1n).toString(),
          lastHash: block.hash,
          holders: [...holders],
          broken: broken.map((b) => b.name),
          alerts: state.alerts + alerts.length,
          blocksLogBytes: await size(blocksLog),
          alertsLogBytes: await size(alertsLog),
        });
        await writeMonitorState(o.stateFile, state);
        summary.blocks++;
        next++;
        failures = 0;
      }
      summary.nextBlock = next;
    } catch (e) {
      const rpcError = rpcCause(e);
      if (rpcError === undefined) throw e;
      // Backoff starts near the polling interval, so a fast monitor retries quickly, then doubles.
      const wait = backoffMs(failures++, Math.max(100, Math.min(o.pollMs, 1_000)));
      log(`rpc error (${rpcError.message}); retrying block ${next} in ${wait} ms (attempt ${failures})`);
      await sleep(wait, o.signal);
      continue;
    }
    if (o.untilBlock !== undefined && BigInt(state.nextBlock) > o.untilBlock) break;
    await sleep(o.pollMs, o.signal);
  }
  summary.nextBlock = BigInt(state.nextBlock);
  return summary;
}

async function resume(o: MonitorOptions, blocksLog: string, alertsLog: string): Promise<MonitorState> {
  const spec = o.responder.target.file;
  const saved = readMonitorState(o.stateFile);
  if (saved !== undefined) {
    const same = saved.chainId === o.chainId && saved.spec === spec && JSON.stringify(sorted(saved.addresses)) === JSON.stringify(sorted(o.addresses));
    if (!same) {
      throw new VigilError('MONITOR_STATE', `${o.stateFile} belongs to another monitor (chain ${saved.chainId}, spec ${saved.spec}, ${Object.entries(saved.addresses).map(([k, v]) => `${k}=${v}`).join(' ')})`);
    }
    await cut(blocksLog, saved.blocksLogBytes);
    await cut(alertsLog, saved.alertsLogBytes);
    for (const h of o.holders) if (!saved.holders.includes(h)) saved.holders.push(h);
    return saved;
  }
  const start = o.fromBlock ?? BigInt(await o.rpc.request<Hex>('eth_blockNumber'));
  await cut(blocksLog, 0);
  await cut(alertsLog, 0);
  const holders = new Set([...o.holders, ...o.responder.target.contracts.map((c) => c.address)].map((h) => h.toLowerCase()));
  if (start > 0n) await backfillHolders(o, holders, start);
  return { version: 1, chainId: o.chainId, spec, addresses: sorted(o.addresses), nextBlock: start.toString(), holders: [...holders], broken: [], alerts: 0, blocksLogBytes: 0, alertsLogBytes: 0 };
}

/**
 * Holders from before the first block watched: every address in an indexed argument of the
 * spec's contracts' events since genesis (one eth_getLogs). Without them a sum over holders
 * would miss balances made earlier. A node that refuses the range is reported, not fatal.
 */
async function backfillHolders(o: MonitorOptions, holders: Set<string>, start: bigint): Promise<void> {
  try {
    const logs = await o.rpc.request<{ address: Hex; topics: Hex[]; data: Hex }[]>('eth_getLogs', [
      { fromBlock: '0x0', toBlock: `0x${(start - 1n).toString(16)}`, address: o.responder.target.contracts.map((c) => c.address) },
    ]);
    const before = holders.size;
    collectHolders(holders, [], logs);
    o.responder.log(`holders: ${holders.size - before} address(es) from the contracts' events in blocks 0-${start - 1n}`);
  } catch (e) {
    if (!(e instanceof RpcError) || e.rpcCode === undefined) throw e;
    o.responder.log(`warning: the node refused eth_getLogs over blocks 0-${start - 1n} (${e.message}); holders from before block ${start} are unknown (give them with --holder)`);
  }
}

/** The RpcError behind an error, also when a check wrapped it (a fork read failing inside a view call). */
function rpcCause(e: unknown): RpcError | undefined {
  for (let x: unknown = e, depth = 0; x !== undefined && x !== null && depth < 8; x = (x as { cause?: unknown }).cause, depth++) {
    if (x instanceof RpcError) return x;
  }
  return undefined;
}

function sorted(a: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v.toLowerCase()]).sort(([x], [y]) => x.localeCompare(y)));
}

async function size(path: string): Promise<number> {
  return stat(path).then((s) => s.size, () => 0);
}

/** Drops whatever was appended after the last recorded block (a crash between log and state). */
async function cut(path: string, bytes: number): Promise<void> {
  if ((await size(path)) > bytes) await truncate(path, bytes);
  else if (bytes === 0) await appendFile(path, '');
}
