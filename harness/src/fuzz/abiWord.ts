/** An argument as the EVM compares it: numbers as they are, addresses and bools as words. */
export function toWord(v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return BigInt.asUintN(256, v);
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v)) return BigInt(v);
  return undefined;
}

/** A compared word as a value of an ABI type, or undefined if it does not fit. */
export function fitWord(type: string, word: bigint): unknown {
  if (word < 0n) return undefined;
  const int = /^(u?)int(\d*)$/.exec(type);
  if (int) {
    const bits = Number(int[2] || 256);
    return int[1] === 'u' ? (word < 1n << BigInt(bits) ? word : undefined) : BigInt.asIntN(bits, word);
  }
  if (type === 'address') return word < 1n << 160n ? `0x${word.toString(16).padStart(40, '0')}` : undefined;
  if (type === 'bool') return word !== 0n;
  return undefined;
}
