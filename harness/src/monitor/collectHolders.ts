import type { Hex } from 'viem';
import type { LogRecord } from '../chain/types.js';
import type { LiveTx } from './LiveBlock.js';

/**
 * Addresses a block shows: senders and recipients of its transactions, and indexed event
 * arguments that look like addresses (Transfer's from and to, Approval's owner, …), as
 * the fuzzer collects `holders` from its calls. Small words are left out (amounts, ids).
 */
export function collectHolders(into: Set<string>, txs: readonly LiveTx[], logs: readonly LogRecord[]): Hex[] {
  const added: Hex[] = [];
  const add = (a: string) => {
    const lower = a.toLowerCase();
    if (into.has(lower)) return;
    into.add(lower);
    added.push(lower as Hex);
  };
  for (const t of txs) {
    add(t.from);
    if (t.to !== undefined) add(t.to);
  }
  for (const log of logs) {
    for (let i = 1; i < log.topics.length; i++) {
      const word = BigInt(log.topics[i]!);
      if (word > 0xffffn && word < 1n << 160n) add(`0x${word.toString(16).padStart(40, '0')}`);
    }
  }
  return added;
}
