import type { KeccakFunctions } from '../keccak/KeccakFunctions.js';
import type { Ctx, Word } from '../word/Word.js';
import type { SevmOptions } from './SevmOptions.js';

/** The block as a transaction sees it; any field may be symbolic. */
export interface BlockEnv {
  coinbase: Word;
  timestamp: Word;
  number: Word;
  prevrandao: Word;
  gasLimit: Word;
  chainId: Word;
  baseFee: Word;
  blobBaseFee: Word;
}

export interface TxEnv {
  origin: Word;
  gasPrice: Word;
  block: BlockEnv;
}

/** What every opcode handler may read: fixed for one exploration. */
export interface ExecEnv {
  readonly ctx: Ctx;
  readonly options: SevmOptions;
  readonly keccak: KeccakFunctions;
  readonly tx: TxEnv;
}
