import { toFunctionSelector, type Hex } from 'viem';
import { formatValue } from '../abi/decodeRevert.js';
import { decodeRevert } from '../abi/decodeRevert.js';
import { encodeCall } from '../campaign/encodeCall.js';
import { executeCall } from '../campaign/executeCall.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import { toCallRecord } from '../campaign/toCallRecord.js';
import type { CallResult } from '../chain/types.js';
import type { Violation } from '../fuzz/Violation.js';
import type { CallRecord, InvariantValue } from '../report/types.js';
import { decodeLiveTx } from './decodeLiveTx.js';
import type { LiveBlock, LiveTx } from './LiveBlock.js';

export interface BlockReplay {
  /** One per transaction of the block, in order, with what it did and the invariants after it. */
  calls: CallRecord[];
  invariantsBefore: InvariantValue[];
  /** For each invariant broken after the block: the index of the first transaction after which it fails. */
  breaksAt: Record<string, number>;
  /** Property and assertion violations of decodable calls, by transaction index. */
  violations: { index: number; violation: Violation }[];
  /** Where the replay did not do what the chain did (a revert here that succeeded there, …). */
  divergences: string[];
}

/**
 * The evidence of an alert: the violating block's transactions re-run, in order, on a fork
 * of the block before it, with every invariant evaluated after each one, so the alert can
 * say which transaction broke which invariant. `statuses` are the receipts' outcomes, to
 * flag a replay that does not follow the chain (gas is not charged in the fork).
 */
export async function replayBlock(session: SpecSession, parentTimestamp: bigint, block: LiveBlock, statuses: readonly ('success' | 'reverted' | undefined)[]): Promise<BlockReplay> {
  const { chain, checks } = session;
  chain.revertTo(session.base);
  checks.reset();
  const invariantsBefore = await checks.invariantValues();
  const held = new Map(invariantsBefore.map((v) => [v.name, v.holds]));
  const out: BlockReplay = { calls: [], invariantsBefore, breaksAt: {}, violations: [], divergences: [] };
  for (const tx of block.txs) {
    const first = tx.index === 0;
    const timeDelta = first ? block.timestamp - parentTimestamp : 0n;
    const blockDelta = first ? block.number - chain.blockNumber : 0n;
    const call = decodeLiveTx(session, tx, timeDelta, blockDelta);
    let record: CallRecord;
    let status: CallResult['status'];
    if (call !== undefined) {
      const executed = await executeCall(session, { ...encodeCall(call), data: tx.input });
      const before = checks.observe(executed);
      for (const v of await checks.check(executed, before, new Set())) if (v.kind !== 'invariant') out.violations.push({ index: tx.index, violation: v });
      record = toCallRecord(call, executed);
      status = executed.result.status;
    } else {
      if (timeDelta !== 0n || blockDelta !== 0n) chain.advance(timeDelta, blockDelta);
      const result = await rawCall(session, tx);
      record = rawRecord(session, tx, result, timeDelta, blockDelta);
      status = result.status;
    }
    const after = await checks.invariantValues();
    record.invariantsAfter = after;
    out.calls.push(record);
    for (const v of after) {
      if (held.get(v.name) === true && !v.holds && out.breaksAt[v.name] === undefined) out.breaksAt[v.name] = tx.index;
      held.set(v.name, v.holds);
    }
    const onChain = statuses[tx.index];
    if (onChain !== undefined && (onChain === 'success') !== (status === 'success')) {
      out.divergences.push(`tx ${tx.index} (${tx.hash}) ${onChain === 'success' ? 'succeeded' : 'reverted'} on chain but ${status === 'success' ? 'succeeded' : 'failed'} in the fork`);
    }
  }
  return out;
}

/** A transaction the spec cannot decode: sent as it is (a creation keeps its CREATE address through the nonce). */
async function rawCall(session: SpecSession, tx: LiveTx): Promise<CallResult> {
  const { chain } = session;
  if (tx.to !== undefined) return chain.call({ from: tx.from, to: tx.to, data: tx.input, value: tx.value });
  await chain.setNonce(tx.from, tx.nonce);
  return chain.deploy({ from: tx.from, data: tx.input, value: tx.value });
}

function rawRecord(session: SpecSession, tx: LiveTx, result: CallResult, timeDelta: bigint, blockDelta: bigint): CallRecord {
  const selector = tx.input.length >= 10 ? (tx.input.slice(0, 10) as Hex) : undefined;
  const known = tx.to === undefined ? undefined : session.deployment.byAddress.get(tx.to);
  const fn = known?.abi.find((x) => x.type === 'function' && selector !== undefined && toFunctionSelector(x) === selector);
  const decoded = result.status === 'success' ? undefined : result.status === 'halt' ? `halted: ${result.error}` : decodeRevert(result.returnData, session.deployment.abis).text;
  return {
    contract: known?.key ?? '',
    contractName: known?.name ?? (tx.to === undefined ? '(creation)' : '(not in the spec)'),
    address: tx.to ?? result.createdAddress ?? '',
    function: fn?.type === 'function' ? fn.name : tx.to === undefined ? 'constructor' : selector ?? '(fallback)',
    signature: selector ?? '',
    args: [],
    calldata: tx.input,
    sender: tx.from,
    value: formatValue(tx.value),
    timeDelta: timeDelta.toString(),
    blockDelta: blockDelta.toString(),
    result: {
      status: result.status,
      returnData: result.returnData,
      ...(decoded !== undefined ? { decoded } : {}),
      gasUsed: result.gasUsed.toString(),
      storageChanges: result.storageChanges.map((c) => ({ ...c })),
    },
  };
}
