import { numberToHex, type Hex } from 'viem';
import type { JsonRpc } from './JsonRpc.js';
import { RpcError } from './JsonRpc.js';
import type { LiveBlock } from './LiveBlock.js';

interface RawTx { hash: Hex; transactionIndex: Hex; from: Hex; to: Hex | null; input: Hex; value: Hex; nonce: Hex; gas: Hex }
interface RawBlock { number: Hex; hash: Hex; parentHash: Hex; timestamp: Hex; transactions: RawTx[] }
interface RawLog { address: Hex; topics: Hex[]; data: Hex }

/** A block with its transactions and logs, in one batch request. */
export async function fetchBlock(rpc: JsonRpc, number: bigint, seenAt: number): Promise<LiveBlock> {
  const tag = numberToHex(number);
  const [block, logs] = (await rpc.batch([
    { method: 'eth_getBlockByNumber', params: [tag, true] },
    { method: 'eth_getLogs', params: [{ fromBlock: tag, toBlock: tag }] },
  ])) as [RawBlock | null, RawLog[]];
  if (block === null) throw new RpcError(`eth_getBlockByNumber: block ${number} is not known to the node yet`, 'eth_getBlockByNumber');
  return {
    number,
    hash: block.hash,
    parentHash: block.parentHash,
    timestamp: BigInt(block.timestamp),
    txs: block.transactions.map((t) => ({
      hash: t.hash,
      index: Number(t.transactionIndex),
      from: t.from.toLowerCase() as Hex,
      ...(t.to ? { to: t.to.toLowerCase() as Hex } : {}),
      input: t.input,
      value: BigInt(t.value),
      nonce: BigInt(t.nonce),
      gas: BigInt(t.gas),
    })),
    logs: logs.map((l) => ({ address: l.address.toLowerCase() as Hex, topics: l.topics, data: l.data })),
    seenAt,
  };
}
