import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../campaign/CampaignSettings.js';
import { fromCallRecord } from '../../campaign/fromCallRecord.js';
import { openSession } from '../../campaign/openSession.js';
import { runCampaign } from '../../campaign/runCampaign.js';
import { runSequence } from '../../campaign/runSequence.js';
import type { FuzzCall } from '../../fuzz/FuzzCall.js';
import type { Finding, ProofRecord } from '../../report/types.js';
import { SymbolicEvm } from '../explore/SymbolicEvm.js';
import { compileChecks } from '../spec/compileCheck.js';
import { openZ3, type Z3Session } from '../z3/openZ3.js';
import { coinMutants } from './fixtures/mutants/coinMutants.js';
import { fromCompiledCheck } from './fromCompiledCheck.js';
import { proveChecks } from './proveChecks.js';
import { defaultProveBounds } from './types.js';

/*
 * Soundness against the fuzzer: on mutants of Coin and on its correct and buggy twins, a
 * real campaign and the prover (compiled checks, depth 1) judge the same spec. Whatever
 * the fuzzer breaks, the prover must not call proved. Its counterexamples must replay, and
 * the verdicts are golden per target.
 */

const fixtures = join(import.meta.dirname, 'fixtures');
const harnessIndex = join(dirname(dirname(import.meta.dirname)), 'index.js');
const coinFile = readFileSync(join(fixtures, 'Coin.sol'), 'utf8');
const specTemplate = readFileSync(join(fixtures, 'Coin.spec.ts'), 'utf8');
const bounds = { ...defaultProveBounds, depth: 1, timeoutMs: 10_000 };
// Fixed runs and depth, no time limit: the campaign is the same on a slow machine.
const fuzzSettings = { ...defaultSettings, seed: 1, runs: 30, depth: 8 };

let z3: Z3Session;
let work: string;
beforeAll(async () => {
  z3 = await openZ3();
  work = mkdtempSync(join(tmpdir(), 'vigil-soundness-'));
});
afterAll(async () => {
  await z3.close();
  rmSync(work, { recursive: true, force: true });
});

/** The correct contract alone (the fixture also holds CoinBuggy, which no mutant touches). */
function correctCoin(): string {
  const end = coinFile.indexOf('/// The bug:');
  expect(end).toBeGreaterThan(0);
  return coinFile.slice(0, end);
}

function mutate(source: string, find: string, replace: string): string {
  const at = source.indexOf(find);
  expect(at, `rewrite ${JSON.stringify(find)} must apply`).toBeGreaterThanOrEqual(0);
  expect(source.indexOf(find, at + 1), `rewrite ${JSON.stringify(find)} must apply once`).toBe(-1);
  const out = source.slice(0, at) + replace + source.slice(at + find.length);
  expect(out).not.toBe(source);
  return out;
}

/** A folder with the mutant as Coin.sol and Coin.spec.ts's checks pointing at it. */
function writeTarget(id: string, source: string): string {
  const dir = join(work, id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Coin.sol'), source);
  const spec = specTemplate.replace("'../../../index.js'", JSON.stringify(harnessIndex));
  expect(spec).not.toBe(specTemplate);
  writeFileSync(join(dir, 'Coin.spec.ts'), spec);
  return join(dir, 'Coin.spec.ts');
}

interface Judgement {
  proofs: ProofRecord[];
  proverFindings: Finding[];
  /** Checks the campaign broke, by `kind:name`. */
  fuzzBroke: Set<string>;
  replayProverFinding(f: Finding): Promise<string | undefined>;
}

/** The campaign and the prover on the same spec, each in its own session. */
async function judge(specFile: string): Promise<Judgement> {
  const root = dirname(specFile);
  const cacheDir = join(work, 'cache');
  const compiled = await compileChecks(specFile);
  expect(compiled.map((c) => [c.name, c.provable])).toEqual([['supplyCoversBalances', true]]);

  const proveSession = await openSession(specFile, { root, cacheDir, settings: fuzzSettings });
  const checks = compiled.flatMap((c) => (c.provable ? [fromCompiledCheck(c.ir, BigInt(proveSession.deployment.deployer))] : []));
  const out = await proveChecks(proveSession, checks, { ctx: z3.ctx, sevm: new SymbolicEvm(z3.ctx), bounds, reportPath: 'reports/vigil-report.json' });

  const fuzzSession = await openSession(specFile, { root, cacheDir, settings: fuzzSettings });
  const campaign = await runCampaign(fuzzSession);
  expect(campaign.error).toBeUndefined();
  const fuzzBroke = new Set(campaign.findings.map((f) => `${f.violation.kind}:${f.violation.name}`));
  return {
    proofs: out.proofs,
    proverFindings: out.findings,
    fuzzBroke,
    // In a fresh session's runner, not the prover's: the finding must stand on its own.
    async replayProverFinding(f) {
      const calls = f.shrunk.calls.map((r) => fromCallRecord(fuzzSession, r)) as FuzzCall[];
      return (await runSequence(fuzzSession, calls, { target: f.id })).violation?.id;
    },
  };
}

/** The rule itself, checked before any golden verdict so a breach is reported as what it is. */
async function assertSound(target: string, j: Judgement): Promise<void> {
  for (const broken of j.fuzzBroke) {
    const proof = j.proofs.find((p) => `${p.kind}:${p.name}` === broken);
    expect(proof, `${target}: no verdict for ${broken}`).toBeDefined();
    expect(proof!.verdict, `SOUNDNESS BUG on ${target}: fuzzing broke ${broken}, yet the prover says ${proof!.verdict} (${proof!.reason ?? ''})`).not.toMatch(/^proved/);
    expect(['counterexample', 'unknown']).toContain(proof!.verdict);
    if (proof!.verdict === 'unknown') expect(proof!.reason ?? '').not.toBe('');
  }
  for (const f of j.proverFindings) {
    expect(await j.replayProverFinding(f), `${target}: the prover's counterexample ${f.id} must replay`).toBe(f.id);
  }
}

/** Verdicts of both sides, printed: what the prover found that fuzzing missed is recorded here. */
function record(target: string, j: Judgement): void {
  const rows = j.proofs.map((p) => {
    const key = `${p.kind}:${p.name}`;
    const extra = p.verdict === 'counterexample' && !j.fuzzBroke.has(key) ? ' (prover only: fuzzing missed it)' : '';
    return `${key}: prover ${p.verdict}, fuzzing ${j.fuzzBroke.has(key) ? 'broke it' : 'did not break it'}${extra}`;
  });
  console.log(`soundness ${target}: ${rows.join('; ')}`);
}

describe('prover soundness against fuzzing (depth 1)', () => {
  it('correct Coin: proved inductive, never unknown, and fuzzing agrees', async () => {
    const j = await judge(join(fixtures, 'Coin.spec.ts'));
    await assertSound('Coin', j);
    record('Coin', j);
    expect(j.fuzzBroke.size).toBe(0);
    expect(j.proverFindings).toEqual([]);
    expect(j.proofs).toHaveLength(1);
    expect(j.proofs[0]).toMatchObject({ name: 'supplyCoversBalances', verdict: 'proved-inductive', depth: 1, loopBound: 3 });
    expect(j.proofs[0]!.reason).toMatch(/base case on the set-up state; every target function preserves it/);
  }, 180_000);

  it('CoinBuggy: a replayed counterexample, as fuzzing finds', async () => {
    const j = await judge(join(fixtures, 'CoinBuggy.spec.ts'));
    await assertSound('CoinBuggy', j);
    record('CoinBuggy', j);
    expect(j.fuzzBroke).toEqual(new Set(['invariant:supplyCoversBalances']));
    expect(j.proofs[0]).toMatchObject({ verdict: 'counterexample', findingId: 'CoinBuggy:invariant:supplyCoversBalances' });
    expect(j.proverFindings.map((f) => f.id)).toEqual(['CoinBuggy:invariant:supplyCoversBalances']);
  }, 180_000);

  it.each(coinMutants.map((m) => [m.id, m] as const))('mutant %s', async (id, m) => {
    const specFile = writeTarget(id, mutate(correctCoin(), m.find, m.replace));
    const j = await judge(specFile);
    await assertSound(id, j);
    record(id, j);
    // Golden: the fuzzer breaks exactly the mutants that break the invariant, and the
    // prover gives those a replayed counterexample and proves the others (inductively: the
    // harmless rewrites still keep supply ≥ the actors' balances after every call).
    expect(j.fuzzBroke.has('invariant:supplyCoversBalances'), m.what).toBe(m.breaks);
    expect(j.proofs[0]!.verdict, `${m.what}: ${j.proofs[0]!.reason ?? ''}`).toBe(m.breaks ? 'counterexample' : 'proved-inductive');
    if (m.breaks) expect(j.proverFindings.map((f) => f.id)).toEqual(['Coin:invariant:supplyCoversBalances']);
  }, 180_000);
});
