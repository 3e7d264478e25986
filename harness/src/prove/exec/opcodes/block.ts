import { freshWord } from '../freshWord.js';
import type { BlockEnv } from '../ExecEnv.js';
import type { OpDef, OpGroup } from './OpDef.js';

function field(name: string, key: keyof BlockEnv): OpDef {
  return { name, inputs: 0, run: (_s, f, x) => void f.stack.push(x.tx.block[key]) };
}

export const block: OpGroup = {
  // Any value: the hashes of past blocks are not part of the world.
  0x40: { name: 'BLOCKHASH', inputs: 1, run: (s, f, x) => void (f.stack.pop(), f.stack.push(freshWord(s, x.ctx, 'blockhash'))) },
  0x41: field('COINBASE', 'coinbase'),
  0x42: field('TIMESTAMP', 'timestamp'),
  0x43: field('NUMBER', 'number'),
  0x44: field('PREVRANDAO', 'prevrandao'),
  0x45: field('GASLIMIT', 'gasLimit'),
  0x46: field('CHAINID', 'chainId'),
  0x48: field('BASEFEE', 'baseFee'),
  // The explored transactions carry no blobs.
  0x49: { name: 'BLOBHASH', inputs: 1, run: (_s, f) => void (f.stack.pop(), f.stack.push(0n)) },
  0x4a: field('BLOBBASEFEE', 'blobBaseFee'),
};
