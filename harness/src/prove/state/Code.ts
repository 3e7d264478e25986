import { keccak_256 } from '@noble/hashes/sha3.js';

/** Deployed bytecode with its valid jump destinations found once. */
export interface Code {
  readonly bytes: Uint8Array;
  /** 1 at every JUMPDEST that is an instruction (not inside PUSH data). */
  readonly jumpdests: Uint8Array;
  readonly hash: bigint;
}

export function toCode(bytes: Uint8Array): Code {
  const jumpdests = new Uint8Array(bytes.length);
  for (let pc = 0; pc < bytes.length; pc++) {
    const op = bytes[pc]!;
    if (op === 0x5b) jumpdests[pc] = 1;
    else if (op >= 0x60 && op <= 0x7f) pc += op - 0x5f;
  }
  let hash = 0n;
  for (const b of keccak_256(bytes)) hash = (hash << 8n) | BigInt(b);
  return { bytes, jumpdests, hash };
}
