import { decodeFunctionResult, encodeFunctionData, type AbiFunction } from 'viem';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { DeployedContract } from '../spec/DeployedContract.js';

/** A view's decoded result on the session's current state; undefined when it reverts or does not decode. */
export async function readView(session: SpecSession, contract: DeployedContract, fn: AbiFunction, args: readonly unknown[]): Promise<unknown> {
  const data = encodeFunctionData({ abi: [fn], functionName: fn.name, args });
  const r = await session.chain.staticCall({ from: session.deployment.deployer, to: contract.address, data });
  if (r.status !== 'success') return undefined;
  try {
    return decodeFunctionResult({ abi: [fn], functionName: fn.name, data: r.returnData });
  } catch {
    return undefined;
  }
}
