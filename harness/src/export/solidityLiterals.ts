import { bytesToHex, getAddress, type AbiParameter, type Hex } from 'viem';

/**
 * Solidity source text for values: checksummed addresses (solc rejects any other
 * mixed case), readable integers, hex for bytes. Pure functions of the value.
 */

export function addressLiteral(address: string): string {
  return getAddress(address.toLowerCase() as Hex);
}

/** `1e18`, `3000e18`, `1e36`, `255`, or hex for large words that are not round numbers. */
export function uintLiteral(value: bigint): string {
  if (value < 0n) return `-${uintLiteral(-value)}`;
  if (value === (1n << 256n) - 1n) return 'type(uint256).max';
  if (value < 1000n) return value.toString();
  // Token amounts read best in whole tokens of 18 decimals: 3000e18, not 3e21.
  const e18 = 10n ** 18n;
  if (value % e18 === 0n && value / e18 < 1_000_000n) return `${value / e18}e18`;
  const digits = value.toString();
  const zeros = digits.length - digits.replace(/0+$/, '').length;
  if (zeros >= 6) return `${digits.slice(0, digits.length - zeros)}e${zeros}`;
  if (digits.length > 30) return `0x${value.toString(16)}`;
  return digits;
}

/** A 32-byte word as `bytes32(...)`: amounts stay decimal (`3000e18`), hashes and packed words hex. */
export function wordLiteral(value: bigint): string {
  const number = uintLiteral(value);
  if (!number.startsWith('0x') && !number.startsWith('type(')) return `bytes32(uint256(${number}))`;
  return `bytes32(0x${value.toString(16).padStart(64, '0')})`;
}

export function hexBytesLiteral(data: Hex | Uint8Array): string {
  const hex = typeof data === 'string' ? data : bytesToHex(data);
  return `hex"${hex.slice(2)}"`;
}

/** Types a call can pass as a literal argument; anything else goes as raw calldata. */
export function isSimpleType(type: string): boolean {
  return /^(u?int\d*|address|bool|bytes\d+|bytes|string)$/.test(type);
}

/**
 * A literal of an ABI value of a simple type, or undefined for tuples, arrays and values
 * that do not fit the type. Addresses come checksummed; strings only when printable ASCII.
 */
export function abiValueLiteral(param: Pick<AbiParameter, 'type'>, value: unknown): string | undefined {
  const { type } = param;
  if (type === 'address' && typeof value === 'string') return addressLiteral(value);
  if (type === 'bool' && typeof value === 'boolean') return String(value);
  // viem decodes integers of 48 bits or fewer as numbers.
  if (/^u?int\d*$/.test(type) && (typeof value === 'bigint' || Number.isSafeInteger(value))) return intLiteral(type, BigInt(value as bigint | number));
  if (/^bytes\d+$/.test(type) && typeof value === 'string') return `${type}(hex"${value.slice(2)}")`;
  if (type === 'bytes' && typeof value === 'string') return `hex"${value.slice(2)}"`;
  if (type === 'string' && typeof value === 'string') return stringLiteral(value);
  return undefined;
}

function intLiteral(type: string, value: bigint): string {
  const bits = Number(/\d+$/.exec(type)?.[0] ?? 256);
  // Narrow types need the literal to fit, which it does: the ABI decoder checked it.
  const text = uintLiteral(value);
  if (type.startsWith('uint') || bits === 256) return text;
  return `${type}(${text})`;
}

/** A printable-ASCII string as a quoted literal; anything else as `string(hex"...")`. */
export function stringLiteral(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `string(hex"${Buffer.from(value, 'utf8').toString('hex')}")`;
}
