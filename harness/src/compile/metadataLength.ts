/**
 * Bytes of solc's CBOR metadata block at the end of a runtime code, its two length bytes
 * included (0 when there is none). The block hashes the sources and their unit names, so it
 * differs between checkouts of the same code: it is data, never instructions or constants.
 */
export function metadataLength(code: Uint8Array): number {
  if (code.length < 4) return 0;
  const len = (code[code.length - 2]! << 8) | code[code.length - 1]!;
  if (len < 10 || len + 2 > code.length) return 0;
  // A CBOR map of 1 to 3 entries starts it.
  const head = code[code.length - 2 - len]!;
  if (head < 0xa1 || head > 0xa3) return 0;
  return len + 2;
}
