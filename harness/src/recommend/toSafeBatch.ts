import type { LeverCall } from './types.js';
import { safeChecksum } from './safeChecksum.js';

export interface SafeTransaction {
  to: string;
  value: string;
  data: string | null;
  contractMethod: { inputs: { internalType: string; name: string; type: string }[]; name: string; payable: boolean } | null;
  contractInputsValues: Record<string, string> | null;
}

export interface SafeBatchFile {
  version: '1.0';
  chainId: string;
  createdAt: number;
  meta: {
    name: string;
    description: string;
    txBuilderVersion: string;
    createdFromSafeAddress: string;
    createdFromOwnerAddress: string;
    checksum: string;
  };
  transactions: SafeTransaction[];
}

export interface SafeBatchOptions {
  name: string;
  description: string;
  chainId: string;
  /** Milliseconds since the epoch (a timing field). */
  createdAt: number;
  safe?: string;
  owner?: string;
}

/** The Transaction Builder version whose file format this follows. */
const TX_BUILDER_VERSION = '1.17.1';

/**
 * A Safe Transaction Builder batch file for `calls`, in order: what multisig signers load
 * to review and sign. Each transaction carries its calldata and its decoded method, so the
 * signers see what it does.
 */
export function toSafeBatch(calls: readonly LeverCall[], options: SafeBatchOptions): SafeBatchFile {
  const batch: Omit<SafeBatchFile, 'meta'> & { meta: Omit<SafeBatchFile['meta'], 'checksum'> } = {
    version: '1.0',
    chainId: options.chainId,
    createdAt: options.createdAt,
    meta: {
      name: options.name,
      description: options.description,
      txBuilderVersion: TX_BUILDER_VERSION,
      createdFromSafeAddress: options.safe ?? '',
      createdFromOwnerAddress: options.owner ?? '',
    },
    transactions: calls.map((c) => ({
      to: c.address,
      value: c.value,
      data: c.calldata,
      contractMethod: { inputs: c.inputs.map((i) => ({ internalType: i.internalType, name: i.name, type: i.type })), name: c.function, payable: false },
      contractInputsValues: Object.fromEntries(c.inputs.map((i, k) => [i.name, c.args[k]!])),
    })),
  };
  return { ...batch, meta: { ...batch.meta, checksum: safeChecksum(batch) } };
}
