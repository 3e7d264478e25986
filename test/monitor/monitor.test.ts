import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Abi, Hex } from 'viem';
import { startAnvil, type Anvil } from './startAnvil.js';
import { ANVIL_KEYS, clients, compiled, deploy, send } from './deployContract.js';
import { startFlakyProxy, type FlakyProxy } from './flakyProxy.js';
import { startMonitor, waitFor, type MonitorProcess } from './runMonitorCli.js';

// One anvil for the file, on a free loopback port with its deterministic accounts; the
// monitor runs as its own process (`vigil monitor`), as an operator would run it.
let anvil: Anvil;
let proxy: FlakyProxy | undefined;
const monitors: MonitorProcess[] = [];
const work = mkdtempSync(join(tmpdir(), 'vigil-monitor-'));
const [ownerKey, aliceKey, bobKey, attackerKey] = ANVIL_KEYS as [Hex, Hex, Hex, Hex];

beforeAll(async () => {
  anvil = await startAnvil();
});

afterAll(async () => {
  for (const m of monitors) if (m.child.exitCode === null) m.child.kill('SIGKILL');
  await proxy?.close();
  await anvil?.stop();
  rmSync(work, { recursive: true, force: true });
});

async function head(url: string): Promise<bigint> {
  return clients(url, ownerKey).pub.getBlockNumber({ cacheTime: 0 });
}

function processed(m: MonitorProcess): bigint {
  const last = m.blocks().at(-1);
  return last === undefined ? -1n : BigInt(last.block);
}

/** Every file the monitor wrote, and its console, as one text (to look for secrets in). */
function everything(out: string, m: MonitorProcess): string {
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => readFileSync(join(d.parentPath, d.name), 'utf8'));
  return [m.stdout(), m.stderr(), ...files].join('\n');
}

describe('vigil monitor against anvil', () => {
  let token: { abi: Abi; bytecode: Hex };
  let tokenAddress: Hex;
  const alice = clients('http://x', aliceKey).address;
  const bob = clients('http://x', bobKey).address;
  const attacker = clients('http://x', attackerKey).address;

  test('detects a self-transfer exploit in its block, pauses, and the next step reverts', async () => {
    token = await compiled(['targets/token/TokenBuggy.sol'], 'TokenBuggy');
    tokenAddress = await deploy(anvil.url, ownerKey, token);
    const start = await head(anvil.url);
    for (const who of [alice, bob]) await send(anvil.url, ownerKey, tokenAddress, token.abi, 'mint', [who, 1_000n]);
    await send(anvil.url, aliceKey, tokenAddress, token.abi, 'transfer', [attacker, 50n]);

    const out = join(work, 'token');
    const m = startMonitor(
      ['--rpc', anvil.url, '--spec', 'specs/TokenBuggy.spec.ts', '--address', `token=${tokenAddress}`, '--from-block', String(start), '--poll', '50', '--auto-pause', '--lever', 'token.pause'],
      out,
      { VIGIL_GUARDIAN_KEY: ownerKey },
    );
    monitors.push(m);
    await waitFor('the monitor to catch up', async () => processed(m) >= (await head(anvil.url)), m);
    // Honest traffic while it watches: each transaction is its own block (anvil automines).
    await send(anvil.url, bobKey, tokenAddress, token.abi, 'transfer', [alice, 10n]);
    await send(anvil.url, aliceKey, tokenAddress, token.abi, 'transfer', [bob, 5n]);
    const honestHead = await head(anvil.url);
    await waitFor('honest blocks to be processed', () => processed(m) >= honestHead, m);
    expect(m.alerts()).toEqual([]);

    // The exploit: a transfer to oneself credits the amount out of nothing.
    const exploit = await send(anvil.url, attackerKey, tokenAddress, token.abi, 'transfer', [attacker, 50n]);
    expect(exploit.status).toBe('success');
    await waitFor('the alert', () => m.alerts().length > 0, m);
    const alert = m.alerts()[0]!;
    expect(BigInt(alert.block)).toBe(exploit.blockNumber);
    expect(alert.breakingTx.hash).toBe(exploit.transactionHash);
    expect(alert.breakingTx.from).toBe(attacker);
    expect(alert.finding.original.calls.at(-1)).toMatchObject({ contract: 'token', function: 'transfer', sender: attacker });
    expect(alert.forta).toMatchObject({ severity: 'Critical', type: 'Exploit', protocol: 'TokenBuggy' });
    expect(alert.pauses[0]).toMatchObject({ status: 'mined', lever: 'token.pause()' });
    // Nothing else was sent in between: the pause is the very next block.
    expect(BigInt(alert.pauses[0].block)).toBe(exploit.blockNumber + 1n);
    expect(await clients(anvil.url, ownerKey).pub.readContract({ address: tokenAddress, abi: token.abi, functionName: 'paused' })).toBe(true);

    // The attacker's next step (cashing out the minted tokens) now reverts.
    const cashOut = await send(anvil.url, attackerKey, tokenAddress, token.abi, 'transfer', [bob, 90n]);
    expect(cashOut.status).toBe('reverted');

    m.child.kill('SIGTERM');
    expect(await m.exited).toBe(1);
    expect(everything(out, m)).not.toContain(ownerKey.slice(2).toLowerCase());
    expect(everything(out, m).toLowerCase()).not.toContain(ownerKey.slice(2).toLowerCase());
    console.log(`token: detected ${alert.timing.timeToDetectMs} ms after the block was seen; contained ${alert.timing.timeToContainMs} ms after the alert`);
  });
});
