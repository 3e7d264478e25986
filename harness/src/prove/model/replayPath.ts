import { bytesToHex, type Hex } from 'viem';
import type { TestChain } from '../../chain/TestChain.js';
import type { CallResult } from '../../chain/types.js';
import { readStorage } from '../state/Storage.js';
import type { EndPath, SymbolicCall } from '../explore/types.js';
import type { Z3Model } from '../word/Word.js';
import { concreteCall, toAddressHex, type ConcreteCall } from './concreteCall.js';
import { evalCells, evalWord } from './evalWord.js';

export interface ReplayOutcome {
  call: ConcreteCall;
  result: CallResult;
  /** Where the real EVM disagreed with the path; empty when it reached the same end. */
  differences: string[];
}

const hex = (x: bigint) => `0x${x.toString(16)}`;

/**
 * Runs the call a path's model picks on the real EVM and compares the end: status,
 * return or revert data, logs, and every storage slot written on either side. This is
 * how a symbolic result earns trust: a counterexample is reported only after it replays.
 * The sender gets the balance the model gives it when the call carries value.
 */
export async function replayPath(chain: TestChain, path: EndPath, call: SymbolicCall, model: Z3Model | undefined = path.model): Promise<ReplayOutcome> {
  if (model === undefined) throw new Error('internal: replayPath needs a model of the path');
  const tx = concreteCall(model, call);
  if (tx.value > 0n) {
    const balance = evalWord(model, readStorage({ base: path.world.balances.base, writes: [] }, BigInt(tx.from)));
    await chain.setBalance(tx.from, balance);
  }
  const result = await chain.call({ from: tx.from, to: tx.to, data: tx.data, value: tx.value });
  const differences: string[] = [];
  if (result.status !== path.status) differences.push(`status: EVM ${result.status} (${result.error ?? ''}), path ${path.status} (${path.reason ?? ''})`);
  const data = bytesToHex(evalCells(model, path.returnData));
  if (path.status !== 'halt' && result.returnData !== data) differences.push(`return data: EVM ${result.returnData}, path ${data}`);
  if (result.status === 'success' && path.status === 'success') {
    differences.push(...compareLogs(model, path, result));
    differences.push(...(await compareStorage(chain, model, path, result)));
  }
  return { call: tx, result, differences };
}

function compareLogs(model: Z3Model, path: EndPath, result: CallResult): string[] {
  const mine = path.logs.map((l) => ({
    address: toAddressHex(l.address),
    topics: l.topics.map((t) => `0x${evalWord(model, t).toString(16).padStart(64, '0')}` as Hex),
    data: bytesToHex(evalCells(model, l.data)),
  }));
  const a = JSON.stringify(mine);
  const b = JSON.stringify(result.logs.map((l) => ({ address: l.address.toLowerCase(), topics: l.topics, data: l.data })));
  return a === b ? [] : [`logs: EVM ${b}, path ${a}`];
}

async function compareStorage(chain: TestChain, model: Z3Model, path: EndPath, result: CallResult): Promise<string[]> {
  const out: string[] = [];
  const slots = new Map<string, { address: Hex; slot: bigint }>();
  for (const c of result.storageChanges) slots.set(`${c.address.toLowerCase()}:${BigInt(c.slot)}`, { address: c.address, slot: BigInt(c.slot) });
  for (const [address, st] of path.world.storage) {
    for (const [slot] of st.writes) {
      const s = evalWord(model, slot);
      slots.set(`${toAddressHex(address)}:${s}`, { address: toAddressHex(address), slot: s });
    }
  }
  for (const { address, slot } of slots.values()) {
    const st = path.world.storage.get(BigInt(address));
    const mine = st === undefined ? 0n : evalWord(model, readStorage(st, slot));
    const real = await chain.getStorageAt(address, slot);
    if (mine !== real) out.push(`storage ${address}[${hex(slot)}]: EVM ${hex(real)}, path ${hex(mine)}`);
  }
  return out;
}
