import type { Hex } from 'viem';
import { callGeneratorFor } from '../campaign/callGeneratorFor.js';
import { encodeCall } from '../campaign/encodeCall.js';
import { CorpusStore } from '../campaign/corpusStore.js';
import { fromCallRecord } from '../campaign/fromCallRecord.js';
import { runSequence } from '../campaign/runSequence.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { DeployedContract } from '../spec/DeployedContract.js';
import { resolveCall } from './resolveCall.js';

export interface HonestStep {
  contract: DeployedContract;
  function: string;
  from: Hex;
  data: Hex;
  value: bigint;
  timeDelta: bigint;
  blockDelta: bigint;
}

export interface HonestSequence {
  /** `scenario:<name>` for a spec's scenarios, `corpus:<i>` for fuzzed traffic. */
  name: string;
  steps: HonestStep[];
}

/** Fuzzed sequences replayed for side effects at most (the saved corpus holds up to 256). */
const MAX_SEQUENCES = 64;
const FRESH_SEQUENCES = 32;
const FRESH_DEPTH = 32;

/**
 * Honest traffic for measuring what levers block: the spec's scenarios, and fuzzed sequences
 * (given, or the saved coverage corpus, or fresh random sequences), each cut before its first
 * call that breaks a check, so no attack counts as honest use.
 */
export async function honestTraffic(session: SpecSession, options: { given?: FuzzCall[][]; corpusDir: string; seed: number }): Promise<HonestSequence[]> {
  const scenarios = Object.entries(session.spec.scenarios ?? {}).map(([name, steps]) => ({
    name: `scenario:${name}`,
    steps: steps.map((s, i) => {
      const c = resolveCall(session, s, `scenarios.${name}[${i}]`);
      return { contract: c.contract, function: c.fn.name, from: s.from.toLowerCase() as Hex, data: c.data, value: s.value ?? 0n, timeDelta: s.timeDelta ?? 0n, blockDelta: 0n };
    }),
  }));
  let fuzzed = options.given ?? loadCorpus(session, options.corpusDir);
  if (fuzzed.length === 0) fuzzed = freshSequences(session, options.seed);
  const corpus: HonestSequence[] = [];
  for (const calls of fuzzed.slice(0, MAX_SEQUENCES)) {
    const outcome = await runSequence(session, calls);
    const honest = outcome.violation === undefined ? calls : calls.slice(0, outcome.index);
    if (honest.length > 0) corpus.push({ name: `corpus:${corpus.length}`, steps: honest.map(toStep) });
  }
  return [...scenarios, ...corpus];
}

/**
 * Random traffic from the spec's own call generator, when no corpus was saved. Not a
 * campaign: a session that already ran one has its edges covered, so a new corpus would be empty.
 */
function freshSequences(session: SpecSession, seed: number): FuzzCall[][] {
  const generator = callGeneratorFor(session, seed);
  return Array.from({ length: FRESH_SEQUENCES }, () => Array.from({ length: FRESH_DEPTH }, () => generator.next()));
}

function loadCorpus(session: SpecSession, dir: string): FuzzCall[][] {
  const out: FuzzCall[][] = [];
  for (const records of new CorpusStore(dir).loadCoverage(session.name)) {
    const calls = records.map((r) => fromCallRecord(session, r));
    if (calls.every((c): c is FuzzCall => !('problem' in c))) out.push(calls);
  }
  return out;
}

function toStep(call: FuzzCall): HonestStep {
  return {
    contract: call.target.contract, function: call.target.fn.name, from: call.sender,
    data: encodeCall(call).data, value: call.value, timeDelta: call.timeDelta, blockDelta: call.blockDelta,
  };
}
