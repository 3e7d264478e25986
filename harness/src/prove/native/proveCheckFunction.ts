import { decodeFunctionData, type AbiFunction } from 'viem';
import { decodeRevert, formatValue } from '../../abi/decodeRevert.js';
import { CHEATCODE_ADDRESS, FOUNDRY_SENDER } from '../../cheats/cheatAddresses.js';
import type { CallResult } from '../../chain/types.js';
import { typeString } from '../../fuzz/selectTargets.js';
import type { Finding, ProofRecord } from '../../report/types.js';
import { cellsToBytes } from '../bytes/Cell.js';
import { symbolicCalldata } from '../calldata/symbolicCalldata.js';
import type { SymbolicEvm } from '../explore/SymbolicEvm.js';
import { concreteTx } from '../explore/txEnv.js';
import type { EndPath } from '../explore/types.js';
import { concreteCall } from '../model/concreteCall.js';
import { realizeKeccak } from '../model/realizeKeccak.js';
import { createSymbolicState } from '../state/createSymbolicState.js';
import { worldFromChain } from '../state/worldFromChain.js';
import type { ProveBounds } from '../verify/types.js';
import type { Ctx } from '../word/Word.js';
import type { CheckSuite } from './openCheckSuite.js';
import { cheatEnd, UNMODELLED_CHEAT, withSymbolicVm, type SymbolicVmCode } from './symbolicVm.js';

export interface CheckFunctionOptions {
  ctx: Ctx;
  sevm: SymbolicEvm;
  bounds: ProveBounds;
  vm: SymbolicVmCode;
  /** Printed in the finding: how to see the counterexample again. */
  replayCommand: string;
}

const PANIC_ASSERT = '0x4e487b710000000000000000000000000000000000000000000000000000000000000001';
const MAX_REASONS = 3;

/**
 * A Halmos-style `check_*` function: one call from the set-up state, every argument
 * symbolic. It fails on a path that ends in `Panic(0x01)` (an `assert`) or passes a failed
 * `vm.assert*` anywhere (the strict cheatcode model ends the path there); other reverts are
 * rejected inputs (`vm.assume`, `require`, overflow). No failing path and no unknown one:
 * proved for every argument (dynamic lengths within the explored set). A failing path
 * counts only once its model's arguments, run on the real EVM from the same state, fail.
 */
export async function proveCheckFunction(suite: CheckSuite, fn: AbiFunction, o: CheckFunctionOptions): Promise<{ proof: ProofRecord; finding?: Finding }> {
  const started = Date.now();
  const { ctx, sevm, bounds } = o;
  const addresses = suite.chain.codeAddresses().filter((a) => a.toLowerCase() !== CHEATCODE_ADDRESS);
  const world = withSymbolicVm(await worldFromChain(suite.chain, addresses, [FOUNDRY_SENDER]), o.vm.strict);
  const state = createSymbolicState(ctx, world);
  const tx = concreteTx(BigInt(FOUNDRY_SENDER), { timestamp: suite.chain.timestamp, number: suite.chain.blockNumber });
  const { variants, complete } = symbolicCalldata(ctx, fn, { prefix: 'a.' });
  const reasons: string[] = [];
  const reason = (r: string) => {
    if (reasons.length < MAX_REASONS && !reasons.includes(r)) reasons.push(r);
  };
  if (!complete) reason('not every calldata layout was explored');
  const dynamic = variants.some((v) => v.layout.length > 0);
  const bound = `one call from the set-up state, every argument, loop bound ${bounds.loopBound}${dynamic ? ', dynamic lengths in {0, 1, 2}' : ''}`;
  const base = { kind: 'property' as const, name: fn.name, depth: 1, loopBound: bounds.loopBound, ...(suite.checks.find((c) => c.fn.name === fn.name)?.location ? { location: suite.checks.find((c) => c.fn.name === fn.name)!.location! } : {}) };
  let successes = 0;
  for (const v of variants) {
    const call = { from: BigInt(FOUNDRY_SENDER), to: BigInt(suite.test.address), value: 0n, calldata: v.cells };
    const r = await sevm.explore({ state, call, tx, options: { loopBound: bounds.loopBound, timeoutMs: bounds.timeoutMs, solverTimeoutMs: Math.min(bounds.timeoutMs, 10_000) } });
    if (r.budget !== undefined) reason(`${r.budget} budget hit`);
    for (const end of r.paths) {
      const failure = failureOf(end);
      if (failure === 'unknown') {
        reason(cheatEnd(end) === 'unmodelled' ? UNMODELLED_CHEAT : `${end.unknown ?? 'unknown'}: ${end.reason ?? ''}`.trim());
        continue;
      }
      if (end.status === 'success') successes++;
      if (failure === undefined) continue;
      const confirmed = await confirm(suite, fn, sevm, end, call, o, started, failure);
      if (typeof confirmed === 'string') reason(confirmed);
      else return { proof: { ...base, verdict: 'counterexample', findingId: confirmed.id, reason: `${failure}; replayed on the EVM`, timeMs: Date.now() - started }, finding: confirmed };
    }
  }
  const timeMs = Date.now() - started;
  if (reasons.length > 0) return { proof: { ...base, verdict: 'unknown', reason: `${reasons.join('; ')} (${bound})`, timeMs } };
  if (successes === 0) return { proof: { ...base, verdict: 'vacuous', reason: `every path reverts: no argument passes the function's assumptions (${bound})`, timeMs } };
  return { proof: { ...base, verdict: 'proved-bounded', reason: bound, timeMs } };
}

/** How a path of the check's call fails, if it does; 'unknown' when it cannot be told. */
function failureOf(end: EndPath): string | 'unknown' | undefined {
  if (end.status === 'unknown') return cheatEnd(end) === 'assert-failed' ? 'a vm.assert* fails' : 'unknown';
  if (end.status !== 'revert') return undefined;
  const data = cellsToBytes(end.returnData);
  if (data === undefined) return end.returnData.length === 36 ? 'unknown' : undefined;
  return Buffer.from(data).toString('hex') === PANIC_ASSERT.slice(2) ? 'an assert fails (Panic(0x01))' : undefined;
}

/** The model's arguments run on the real chain from the set-up state: a finding if the check fails there too, else why not. */
async function confirm(suite: CheckSuite, fn: AbiFunction, sevm: SymbolicEvm, end: EndPath, call: Parameters<SymbolicEvm['explore']>[0]['call'], o: CheckFunctionOptions, started: number, failure: string): Promise<Finding | string> {
  let model = end.model;
  if (model === undefined) {
    const q = await sevm.check(end.path, o.bounds.timeoutMs);
    if (q.status !== 'sat') return `solver could not give a model of a failing path (${q.status})`;
    model = q.model;
  }
  const real = await realizeKeccak(sevm, { ...end, model });
  if (real === undefined) return 'solver counterexample did not replay: it needs hash values keccak256 does not give';
  const tx = concreteCall(real, call);
  const snap = suite.chain.snapshot();
  let result: CallResult;
  try {
    result = await suite.chain.call({ from: tx.from, to: tx.to, data: tx.data });
  } finally {
    suite.chain.revertTo(snap);
    suite.chain.release(snap);
  }
  const failed = result.assertions.length > 0 || (result.cheatFailures?.length ?? 0) > 0;
  if (!failed) return `solver counterexample did not replay: ${fn.name} ${result.status === 'success' ? 'succeeds' : `ends ${result.status} without an assertion failure`} with the model's arguments on the EVM`;
  const args = decodeFunctionData({ abi: [fn], data: tx.data }).args ?? [];
  const id = `${suite.contract}:property:${fn.name}`;
  const message = result.cheatFailures?.[0]?.message ?? `${fn.name} failed an assert (Panic(0x01))`;
  const record = {
    contract: suite.contract, contractName: suite.contract, address: suite.test.address, function: fn.name,
    signature: `${fn.name}(${fn.inputs.map(typeString).join(',')})`, args: args.map(formatValue), calldata: tx.data,
    sender: tx.from, value: '0', timeDelta: '0', blockDelta: '0',
    result: { status: result.status, returnData: result.returnData, ...(result.status === 'revert' ? { decoded: decodeRevert(result.returnData, [suite.test.artifact.abi]).text } : {}), gasUsed: result.gasUsed.toString(), events: [], storageChanges: [] },
  };
  const location = suite.checks.find((c) => c.fn.name === fn.name)?.location;
  return {
    id, spec: suite.contract, kind: 'property', name: fn.name, message: `${message} (${failure}) with ${fn.name}(${args.map(formatValue).join(', ')})`,
    ...(location ? { location } : {}),
    seed: '1', run: 0, original: { calls: [record] }, shrunk: { calls: [record] }, shrink: { attempts: 0, status: 'skipped' },
    replayCommand: o.replayCommand, firstFoundMs: Date.now() - started,
  };
}
