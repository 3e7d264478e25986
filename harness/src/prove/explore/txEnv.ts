import type { BlockEnv, TxEnv } from '../exec/ExecEnv.js';
import { sym, type BV, type Ctx, type Word } from '../word/Word.js';

/** A transaction environment where every field is a fresh term named `<prefix>.<field>`. */
export function symbolicTx(ctx: Ctx, prefix: string, origin: Word): TxEnv {
  const v = (name: string, bits = 256): Word => {
    const c = ctx.BitVec.const(`${prefix}.${name}`, bits) as BV;
    return sym(bits === 256 ? c : (c.zeroExt(256 - bits) as BV));
  };
  const block: BlockEnv = {
    coinbase: v('coinbase', 160),
    timestamp: v('timestamp', 64),
    number: v('number', 64),
    prevrandao: v('prevrandao'),
    gasLimit: v('gaslimit', 64),
    chainId: v('chainid', 64),
    baseFee: v('basefee'),
    blobBaseFee: v('blobbasefee'),
  };
  return { origin, gasPrice: v('gasprice'), block };
}

/** A transaction environment with known values (what TestChain's EVM sees by default). */
export function concreteTx(origin: Word, block: Partial<BlockEnv> & Pick<BlockEnv, 'timestamp' | 'number'>): TxEnv {
  return {
    origin,
    gasPrice: 0n,
    block: { coinbase: 0n, prevrandao: 0n, gasLimit: 30_000_000n, chainId: 1n, baseFee: 0n, blobBaseFee: 1n, ...block },
  };
}
