import type { Hex } from 'viem';
import { decodeRevert } from '../abi/decodeRevert.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import { sleep } from './backoff.js';
import type { Guardian } from './createGuardian.js';
import type { JsonRpc } from './JsonRpc.js';
import type { LeverTx } from './LeverTx.js';
import type { PauseRecord } from './MonitorAlert.js';

/**
 * Sends the lever and waits for it to be mined. First it is tried on the fork of the block
 * just processed, as the guardian: a lever that would revert (not the holder, already
 * paused) is not sent, and the record says why.
 */
export async function pullLever(lever: LeverTx, guardian: Guardian, fork: SpecSession, rpc: JsonRpc, alertAt: number): Promise<PauseRecord> {
  const base: PauseRecord = { status: 'not-sent', lever: lever.label, to: lever.to, data: lever.data, from: guardian.address };
  const trial = await fork.chain.call({ from: guardian.address, to: lever.to, data: lever.data });
  fork.chain.revertTo(fork.base);
  if (trial.status !== 'success') {
    const reason = trial.status === 'halt' ? `halted: ${trial.error}` : decodeRevert(trial.returnData, fork.deployment.abis).text;
    return { ...base, reason: `it reverts on a fork of the current block when sent by ${guardian.address}: ${reason}` };
  }
  let hash: Hex;
  const sentAt = Date.now();
  try {
    hash = await guardian.send(lever);
  } catch (e) {
    return { ...base, status: 'failed', reason: (e as Error).message, sentAt };
  }
  for (let attempt = 0; ; attempt++) {
    const receipt = await rpc.request<{ status: Hex; blockNumber: Hex } | null>('eth_getTransactionReceipt', [hash]).catch(() => null);
    if (receipt !== null) {
      const minedAt = Date.now();
      const status = BigInt(receipt.status) === 1n ? 'mined' : 'reverted';
      return { ...base, status, txHash: hash, block: BigInt(receipt.blockNumber).toString(), sentAt, minedAt, ...(status === 'reverted' ? { reason: 'the pause transaction reverted on chain' } : {}) };
    }
    if (Date.now() - alertAt > 120_000) return { ...base, status: 'failed', txHash: hash, sentAt, reason: 'no receipt within 120 s' };
    await sleep(Math.min(25 * 2 ** attempt, 500));
  }
}
