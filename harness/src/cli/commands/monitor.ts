import { join, resolve } from 'node:path';
import type { Hex } from 'viem';
import { VigilError } from '../../errors/VigilError.js';
import { backoffMs, sleep } from '../../monitor/backoff.js';
import { createGuardian } from '../../monitor/createGuardian.js';
import { JsonRpc } from '../../monitor/JsonRpc.js';
import { loadMonitorTarget } from '../../monitor/loadMonitorTarget.js';
import { loadRecommender } from '../../monitor/loadRecommender.js';
import { parseLever } from '../../monitor/parseLever.js';
import { runMonitor } from '../../monitor/runMonitor.js';
import { SyncRpc } from '../../monitor/SyncRpc.js';
import { EXIT } from '../exitCodes.js';

export interface MonitorFlags {
  rpc?: string;
  spec?: string;
  address?: string | string[];
  holder?: string | string[];
  fromBlock?: string;
  untilBlock?: string;
  autoPause?: boolean;
  guardianKeyEnv?: string;
  lever?: string;
  state?: string;
  out?: string;
  poll?: string;
}

/**
 * `vigil monitor`: watches a live chain block by block and checks the spec's invariants on
 * its state; on a breach, alerts with evidence and a recommendation and, with --auto-pause,
 * pulls the lever. Runs until Ctrl-C (or --until-block); exits 1 if it raised an alert.
 */
export default async function monitor(flags: MonitorFlags): Promise<number> {
  const problems: string[] = [];
  if (!flags.rpc) problems.push('--rpc <url> is required');
  else if (!/^https?:\/\//.test(flags.rpc)) problems.push(`--rpc ${redactUrl(flags.rpc)}: an http(s):// URL is expected`);
  if (!flags.spec) problems.push('--spec <file> is required');
  const addresses: Record<string, string> = {};
  for (const a of list(flags.address)) {
    const m = /^([^=]+)=(.+)$/.exec(a);
    if (m === null) problems.push(`--address ${a}: write name=0x…`);
    else addresses[m[1]!] = m[2]!;
  }
  if (Object.keys(addresses).length === 0) problems.push('--address name=0x… is required (one per contract of the spec)');
  const holders = list(flags.holder).map((h) => h.toLowerCase() as Hex);
  for (const h of holders) if (!/^0x[0-9a-f]{40}$/.test(h)) problems.push(`--holder ${h}: not an address`);
  const fromBlock = block(flags.fromBlock, '--from-block', problems);
  const untilBlock = block(flags.untilBlock, '--until-block', problems);
  const pollMs = flags.poll === undefined ? 1_000 : Number(flags.poll);
  if (!Number.isInteger(pollMs) || pollMs < 10) problems.push(`--poll ${flags.poll}: milliseconds, at least 10`);
  if (problems.length > 0) throw new VigilError('USAGE', `vigil monitor: ${problems.length} problem${problems.length === 1 ? '' : 's'} with the flags`, { meta: problems });

  const keyEnv = flags.guardianKeyEnv ?? 'VIGIL_GUARDIAN_KEY';
  const key = flags.autoPause ? process.env[keyEnv] : undefined;
  if (flags.autoPause && (key === undefined || !/^0x[0-9a-fA-F]{64}$/.test(key))) {
    throw new VigilError('MONITOR_NO_KEY', `--auto-pause: $${keyEnv} ${key === undefined ? 'is not set' : 'does not hold a private key (0x + 64 hex digits)'}`);
  }

  const rpc = new JsonRpc(flags.rpc!);
  const chainId = await reachNode(rpc);
  const root = process.cwd();
  const target = await loadMonitorTarget(flags.spec!, addresses, { root, cacheDir: join(root, '.vigil', 'cache', 'compile') });
  const codes = (await rpc.batch(target.contracts.map((c) => ({ method: 'eth_getCode', params: [c.address, 'latest'] }))).catch(() => [])) as Hex[];
  const empty = target.contracts.filter((c, i) => codes[i] === '0x');
  if (empty.length > 0) {
    throw new VigilError('USAGE', `no contract code at ${empty.map((c) => `${c.key}=${c.address}`).join(', ')} on chain ${chainId}`, {
      hint: 'Check the addresses (and that --rpc points at the chain they were deployed on).',
    });
  }
  const lever = flags.lever === undefined ? undefined : parseLever(flags.lever, target);
  const recommender = await loadRecommender();
  const log = (line: string) => process.stdout.write(`[vigil monitor] ${line}\n`);
  const guardian = key === undefined ? undefined : createGuardian(key as Hex, flags.rpc!, chainId);
  if (guardian) log(`auto-pause on: guardian ${guardian.address} (key from $${keyEnv}), lever ${lever?.label ?? 'from the recommendation'}`);
  if (typeof recommender !== 'function') log(`note: ${recommender.missing}; alerts carry no recommendation`);

  const outDir = resolve(flags.out ?? 'reports/monitor');
  const sync = new SyncRpc(flags.rpc!);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const summary = await runMonitor({
      responder: {
        target, rpc: { sync, async: rpc }, chainId, guardian, lever, log,
        ...(typeof recommender === 'function' ? { recommend: recommender } : { recommendMissing: recommender.missing }),
      },
      rpc, chainId, addresses, fromBlock, untilBlock, holders, outDir,
      stateFile: resolve(flags.state ?? join(outDir, 'monitor-state.json')),
      pollMs, signal: controller.signal,
    });
    log(`stopped after ${summary.blocks} block(s); next block ${summary.nextBlock}; ${summary.alerts.length} alert(s) (${join(outDir, 'alerts.jsonl')})`);
    return summary.alerts.length > 0 ? EXIT.violation : EXIT.ok;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await sync.close();
  }
}

/** eth_chainId with a few retries (about 6 s in all): a node that is starting gets its chance. */
async function reachNode(rpc: JsonRpc): Promise<number> {
  let last = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return Number(BigInt(await rpc.request<Hex>('eth_chainId')));
    } catch (e) {
      last = (e as Error).message;
      if (attempt < 4) await sleep(backoffMs(attempt, 200, 3_200));
    }
  }
  throw new VigilError('RPC_UNREACHABLE', `the node at ${redactUrl(rpc.url)} did not answer eth_chainId after 5 attempts: ${last}`);
}

/**
 * A URL as shown in messages, with what may be an API key left out: user and password, long
 * path segments (Infura's `/v3/<key>`, Alchemy's `/v2/<key>`) and query values.
 */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.username || u.password) {
      u.username = '***';
      u.password = '';
    }
    u.pathname = u.pathname.split('/').map((part) => (part.length >= 16 ? '***' : part)).join('/');
    for (const key of [...u.searchParams.keys()]) u.searchParams.set(key, '***');
    return u.toString().replaceAll('%2A', '*');
  } catch {
    return url;
  }
}

function list(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : (Array.isArray(v) ? v : [v]).map(String);
}

function block(v: string | undefined, flag: string, problems: string[]): bigint | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(String(v))) {
    problems.push(`${flag} ${v}: a block number is expected`);
    return undefined;
  }
  return BigInt(v);
}
