import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { encodeFunctionData, hexToBytes, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../campaign/CampaignSettings.js';
import { executeCall } from '../../campaign/executeCall.js';
import { openSession } from '../../campaign/openSession.js';
import type { SpecSession } from '../../campaign/SpecSession.js';
import type { CheckRunner } from '../../fuzz/CheckRunner.js';
import { matchesPattern } from '../../fuzz/selectTargets.js';
import { concreteCells } from '../bytes/Cell.js';
import type { SymbolicState } from '../exec/PathState.js';
import { SymbolicEvm } from '../explore/SymbolicEvm.js';
import { concreteTx } from '../explore/txEnv.js';
import { createSymbolicState } from '../state/createSymbolicState.js';
import { worldFromChain } from '../state/worldFromChain.js';
import { openZ3, type Z3Session } from '../z3/openZ3.js';
import type { CheckEnv } from './CheckEnv.js';
import { compileChecks } from './compileCheck.js';
import { evaluateCheck } from './evaluateCheck.js';

const root = dirname(dirname(dirname(dirname(import.meta.dirname))));
let z3: Z3Session;
let cacheDir: string;

beforeAll(async () => {
  z3 = await openZ3();
  cacheDir = mkdtempSync(join(tmpdir(), 'vigil-provespec-'));
});
afterAll(async () => {
  await z3.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

/** A small deterministic generator (xorshift), so the states are the same every run. */
function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

async function snapshotState(session: SpecSession): Promise<SymbolicState> {
  const d = session.deployment;
  return createSymbolicState(z3.ctx, await worldFromChain(d.chain, d.contracts.map((c) => c.address), [...d.actors, d.deployer]));
}

/** The value of a closed Bool, by asking the solver both ways. */
async function decide(b: import('../word/Word.js').BoolExpr): Promise<boolean> {
  const s = new z3.ctx.Solver();
  s.add(z3.ctx.Not(b));
  const counter = await s.check();
  expect(counter).not.toBe('unknown');
  return counter === 'unsat';
}

describe.each(['Lending.spec.ts', 'LendingBuggy.spec.ts', 'Guarded.spec.ts', 'Lock.spec.ts', 'LockBuggy.spec.ts', 'Amm.spec.ts', 'AmmBuggy.spec.ts', 'Vault.spec.ts', 'VaultBuggy.spec.ts'])('evaluateCheck on %s', (file) => {
  it('gives exactly the boolean CheckRunner computes, state after state', async () => {
    const specFile = join(root, 'specs', file);
    const session = await openSession(specFile, { root, cacheDir, settings: { ...defaultSettings } });
    const compiled = (await compileChecks(specFile)).filter((c) => c.provable);
    expect(compiled.length).toBeGreaterThan(0);
    const d = session.deployment;
    const sevm = new SymbolicEvm(z3.ctx);
    const contracts = new Map(d.contracts.map((c) => [c.key, { address: BigInt(c.address), abi: c.abi }]));
    const envOf = (state: SymbolicState): CheckEnv => ({
      ctx: z3.ctx, sevm, state, contracts, actors: d.actors.map((a) => BigInt(a)), viewSender: BigInt(d.deployer),
      tx: concreteTx(BigInt(d.deployer), { timestamp: d.chain.timestamp, number: d.chain.blockNumber }),
    });
    const runner = session.checks as CheckRunner;
    const random = rng(file.length * 7919 + 1);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const numbers = [0n, 1n, 2n, 10n ** 18n, 10n ** 20n, 5n * 10n ** 20n, 10n ** 21n, 2n ** 255n];
    let compared = 0;
    let falses = 0;
    for (let step = 0; step < 12; step++) {
      const pre = await snapshotState(session);
      const target = pick(session.targets);
      const args = target.fn.inputs.map((p) => {
        if (p.type === 'address') return pick(d.actors);
        if (p.type === 'bool') return random() < 0.5;
        const bits = BigInt(/\d+$/.exec(p.type)?.[0] ?? 256);
        return pick(numbers) % (1n << bits);
      });
      const data = encodeFunctionData({ abi: [target.fn], functionName: target.fn.name, args }) as Hex;
      const sender = pick(session.senders);
      const ghosts = {};
      const executed = await executeCall(session, { target, args, data, sender, value: 0n, timeDelta: 0n, blockDelta: 0n });
      const post = await snapshotState(session);
      const expected = new Map((await runner.invariantValues()).map((v) => [`invariant:${v.name}`, v.holds]));
      const violations = await runner.check(executed, ghosts, new Set());
      for (const c of compiled) {
        if (c.kind === 'property') {
          // `on` may be computed (a library maps names): the loaded spec holds its value.
          const on = (session.spec.properties as Record<string, { on?: string | readonly string[] }>)[c.name]!.on;
          const patterns = on === undefined ? undefined : typeof on === 'string' ? [on] : on;
          if (patterns && !patterns.some((p) => matchesPattern(p, target.contract.key, target.fn, target.signature))) continue;
          expected.set(`property:${c.name}`, !violations.some((v) => v.kind === 'property' && v.name === c.name));
        }
        const env = envOf(post);
        if (c.kind === 'property') {
          env.pre = pre;
          env.call = { contract: target.contract.key, fn: target.fn, calldata: concreteCells(hexToBytes(data)), sender: BigInt(sender), value: 0n, reverted: executed.reverted, ...(executed.reverted ? {} : { returnData: concreteCells(hexToBytes(executed.result.returnData)) }) };
        }
        const value = await evaluateCheck(c.ir, env);
        expect(value.unknown).toBeUndefined();
        expect(await decide(z3.ctx.Not(value.throws))).toBe(true);
        const holds = await decide(value.holds);
        expect({ check: `${c.kind}:${c.name}`, step, holds }).toEqual({ check: `${c.kind}:${c.name}`, step, holds: expected.get(`${c.kind}:${c.name}`) });
        compared++;
        if (!holds) falses++;
      }
    }
    expect(compared).toBeGreaterThan(10);
    console.log(`${file}: ${compared} evaluations compared, ${falses} false`);
  }, 300_000);
});
