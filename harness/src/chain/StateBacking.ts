/**
 * Where a key nobody has written or loaded yet comes from (a fork of a live chain).
 * Answers are synchronous because SLOAD and the fast paths read synchronously.
 */
export interface StateBacking {
  account(address: string): { nonce: bigint; balance: bigint; codeHash: Uint8Array } | undefined;
  code(address: string): Uint8Array;
  slot(address: string, slot: string): Uint8Array;
}
