const MASK64 = (1n << 64n) - 1n;
const EMPTY = new Uint8Array(0);
const scratch = new Uint8Array(32);
const scratchView = new DataView(scratch.buffer);
const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  NIBBLE['0123456789abcdef'.charCodeAt(i)] = i;
  NIBBLE['0123456789ABCDEF'.charCodeAt(i)] = i;
}

/** Writes a 256-bit word big-endian into the 32 bytes of `view`. */
export function writeWord(view: DataView, word: bigint): void {
  view.setBigUint64(24, word & MASK64);
  view.setBigUint64(16, (word >> 64n) & MASK64);
  view.setBigUint64(8, (word >> 128n) & MASK64);
  view.setBigUint64(0, word >> 192n);
}

/**
 * A word as 32 fresh bytes (what `setLengthLeft(bigIntToBytes(x), 32)` returns, without
 * the hex detour). Written through a shared view and copied: a view on the result's own
 * buffer would move its 32 bytes off the V8 heap.
 */
export function wordBytes(word: bigint): Uint8Array {
  writeWord(scratchView, word);
  const bytes = new Uint8Array(32);
  bytes.set(scratch);
  return bytes;
}

/** A word as 64 lower-case hex digits, the form storage keys take in maps. */
export function wordHex(word: bigint): string {
  return word.toString(16).padStart(64, '0');
}

/** Hex digits (even count, no prefix) as bytes. */
export function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = (NIBBLE[hex.charCodeAt(2 * i)]! << 4) | NIBBLE[hex.charCodeAt(2 * i + 1)]!;
  return out;
}

/** A word in its shortest big-endian form, as the EVM stores it (`bigIntToBytes`); zero is empty. */
export function shortBytes(word: bigint): Uint8Array {
  if (word === 0n) return new Uint8Array(0);
  const hex = word.toString(16);
  return hexBytes(hex.length % 2 === 0 ? hex : `0${hex}`);
}

/** A storage value as EVM gas rules compare it: empty when zero, else padded to 32 bytes. */
export function storageWord(value: Uint8Array): Uint8Array {
  if (isZero(value)) return EMPTY;
  if (value.length === 32) return value;
  const out = new Uint8Array(32);
  out.set(value, 32 - value.length);
  return out;
}

export function isZero(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** Whether two big-endian byte strings hold the same number (leading zeros aside). */
export function sameNumber(a: Uint8Array, b: Uint8Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && a[i] === 0) i++;
  while (j < b.length && b[j] === 0) j++;
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a[i] !== b[j]) return false;
  return true;
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  // Six bytes at a time stay exact in a double, so a 32-byte value takes six BigInt steps.
  let v = 0n;
  let i = 0;
  const head = bytes.length % 6;
  if (head > 0) {
    let n = 0;
    for (; i < head; i++) n = n * 256 + bytes[i]!;
    v = BigInt(n);
  }
  for (; i < bytes.length; i += 6) {
    const n = ((((bytes[i]! * 256 + bytes[i + 1]!) * 256 + bytes[i + 2]!) * 256 + bytes[i + 3]!) * 256 + bytes[i + 4]!) * 256 + bytes[i + 5]!;
    v = (v << 48n) | BigInt(n);
  }
  return v;
}
