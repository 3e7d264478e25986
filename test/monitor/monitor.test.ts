import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Abi, Hex } from 'viem';
import { freePort, startAnvil, type Anvil } from './startAnvil.js';
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

  test('survives a failing RPC and a kill -9, and processes every block exactly once, in order', async () => {
    proxy = await startFlakyProxy(anvil.url);
    const out = join(work, 'restart');
    const first = await head(anvil.url);
    const args = ['--rpc', proxy.url, '--spec', 'specs/Token.spec.ts', '--address', `token=${await deployCorrectToken()}`, '--from-block', String(first + 1n), '--poll', '20'];
    const a = startMonitor(args, out);
    monitors.push(a);
    const mine = (n: number) => clients(anvil.url, ownerKey).pub.request({ method: 'anvil_mine' as never, params: [`0x${n.toString(16)}`] as never });
    await waitFor('the first blocks', () => processed(a) > first + 2n, a);
    // The provider fails for a while: every request in that window gets HTTP 503.
    proxy.failNext(4);
    await mine(5);
    await waitFor('the failures to be used up and the blocks processed', async () => proxy!.failed >= 4 && processed(a) >= (await head(anvil.url)), a);
    expect(a.stdout()).toMatch(/rpc error \(eth_\w+: HTTP 503/);
    // Killed without warning while catching up on a burst of blocks.
    await mine(40);
    await waitFor('a few blocks of the burst', async () => processed(a) >= (await head(anvil.url)) - 35n, a);
    a.child.kill('SIGKILL');
    await a.exited;
    const resumeAt = JSON.parse(readFileSync(join(out, 'monitor-state.json'), 'utf8')).nextBlock as string;
    const b = startMonitor(args, out);
    monitors.push(b);
    await mine(3);
    const last = await head(anvil.url);
    await waitFor('the restarted monitor to catch up', () => processed(b) >= last, b);
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    const seen = b.blocks().map((x) => BigInt(x.block));
    expect(seen).toEqual(Array.from({ length: Number(last - first) }, (_, i) => first + 1n + BigInt(i)));
    expect(b.stdout()).toContain(`from block ${resumeAt}`);
    expect(BigInt(resumeAt)).toBeGreaterThan(first + 3n);
    expect(b.alerts()).toEqual([]);
  });

  async function deployCorrectToken(): Promise<Hex> {
    const correct = await compiled(['targets/token/Token.sol'], 'Token');
    const address = await deploy(anvil.url, ownerKey, correct);
    await send(anvil.url, ownerKey, address, correct.abi, 'mint', [alice, 500n]);
    await send(anvil.url, aliceKey, address, correct.abi, 'transfer', [bob, 7n]);
    return address;
  }

  test('an unreachable node at start is a clear error (exit 2) after a bounded retry', async () => {
    const nobody = `http://127.0.0.1:${await freePort()}`;
    const m = startMonitor(['--rpc', nobody, '--spec', 'specs/Token.spec.ts', '--address', `token=${tokenAddress}`], join(work, 'unreachable'));
    monitors.push(m);
    expect(await m.exited).toBe(2);
    expect(m.stderr()).toContain('error[RPC_UNREACHABLE]');
    expect(m.stderr()).toContain('after 5 attempts');
    expect(m.stderr()).toContain('Hint:');
    expect(m.stderr()).not.toMatch(/\n\s+at /);
  });

  test('on a market with several levers, pulls the recommended minimal cover; the attack stops, exits stay open', async () => {
    const E18 = 10n ** 18n;
    const guardianKey = ANVIL_KEYS[4]!;
    const guardian = clients('http://x', guardianKey).address;
    const start = await head(anvil.url);
    const erc20 = await compiled(['targets/common/MintableToken.sol'], 'MintableToken');
    const marketArt = await compiled(['targets/common/MintableToken.sol', 'targets/guarded/GuardedMarketBuggy.sol'], 'GuardedMarketBuggy');
    const [cash, gold, silver] = [await deploy(anvil.url, ownerKey, erc20, ['CASH']), await deploy(anvil.url, ownerKey, erc20, ['GOLD']), await deploy(anvil.url, ownerKey, erc20, ['SLVR'])];
    const market = await deploy(anvil.url, ownerKey, marketArt, [cash, gold, 2n * E18, silver, E18]);
    const role = await clients(anvil.url, ownerKey).pub.readContract({ address: market, abi: marketArt.abi, functionName: 'PAUSER_ROLE' });
    await send(anvil.url, ownerKey, market, marketArt.abi, 'grantRole', [role, guardian]);
    await send(anvil.url, ownerKey, cash, erc20.abi, 'mint', [market, 10n ** 24n]);
    // Two borrowers with the same healthy position: 500 GOLD + 1,000 SILVER against 900 CASH.
    for (const key of [aliceKey, attackerKey]) {
      const who = clients('http://x', key).address;
      await send(anvil.url, ownerKey, gold, erc20.abi, 'mint', [who, 1_000n * E18]);
      await send(anvil.url, ownerKey, silver, erc20.abi, 'mint', [who, 2_000n * E18]);
      await send(anvil.url, ownerKey, cash, erc20.abi, 'mint', [who, 1_000n * E18]);
      for (const t of [cash, gold, silver]) await send(anvil.url, key, t, erc20.abi, 'approve', [market, 2n ** 256n - 1n]);
      await send(anvil.url, key, market, marketArt.abi, 'deposit', [gold, 500n * E18]);
      await send(anvil.url, key, market, marketArt.abi, 'deposit', [silver, 1_000n * E18]);
      await send(anvil.url, key, market, marketArt.abi, 'borrow', [900n * E18]);
    }

    const out = join(work, 'guarded');
    const m = startMonitor(
      ['--rpc', anvil.url, '--spec', 'specs/GuardedBuggy.spec.ts', '--from-block', String(start + 1n), '--poll', '50', '--auto-pause', '--guardian-key-env', 'GUARDIAN',
        ...['cash', 'gold', 'silver', 'market'].flatMap((k, i) => ['--address', `${k}=${[cash, gold, silver, market][i]}`])],
      out,
      { GUARDIAN: guardianKey },
    );
    monitors.push(m);
    await waitFor('the monitor to catch up', async () => processed(m) >= (await head(anvil.url)), m);
    expect(m.alerts()).toEqual([]);

    // The exploit: give the gold collateral away while in debt (no health check in donate()).
    const exploit = await send(anvil.url, attackerKey, market, marketArt.abi, 'donate', [gold, 500n * E18]);
    expect(exploit.status).toBe('success');
    await waitFor('the alert', () => m.alerts().length > 0, m, 60_000);
    const alert = m.alerts()[0]!;
    expect(alert.invariant).toBe('positionsHealthy');
    expect(BigInt(alert.block)).toBe(exploit.blockNumber);
    expect(alert.breakingTx.hash).toBe(exploit.transactionHash);
    const rec = alert.recommendation;
    expect(rec.status).toBe('covered');
    // The pulled levers are the recommendation's chosen cover, all mined, signed by the pauser.
    expect(alert.pauses.map((p: { lever: string }) => p.lever)).toEqual(rec.chosen.levers);
    for (const p of alert.pauses) expect(p).toMatchObject({ status: 'mined', from: guardian });
    // Minimal: no alternative the solver ranked weighs less than the chosen cover.
    for (const alt of rec.alternatives) expect(alt.weight).toBeGreaterThanOrEqual(rec.chosen.weight);

    // The attack's next step (the other collateral) reverts now.
    const next = await send(anvil.url, attackerKey, market, marketArt.abi, 'donate', [silver, 1_000n * E18]);
    expect(next.status).toBe('reverted');
    // Freezes leave exits open (the recommendation says so, and the chain agrees): an honest borrower repays and leaves.
    expect(rec.sideEffects.chosen.exitsBlocked).toBe(false);
    expect((await send(anvil.url, aliceKey, market, marketArt.abi, 'repay', [900n * E18])).status).toBe('success');
    expect((await send(anvil.url, aliceKey, market, marketArt.abi, 'withdraw', [gold, 500n * E18])).status).toBe('success');
    m.child.kill('SIGTERM');
    expect(await m.exited).toBe(1);
    expect(everything(out, m).toLowerCase()).not.toContain(guardianKey.slice(2).toLowerCase());
    console.log(`guarded: levers ${rec.chosen.levers.join(' + ')} (exits blocked: ${rec.sideEffects.chosen.exitsBlocked}); detected ${alert.timing.timeToDetectMs} ms after the block was seen; contained ${alert.timing.timeToContainMs} ms after the alert`);
  });
});
