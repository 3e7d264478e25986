import { decodeErrorResult, type Abi, type Hex } from 'viem';
import { panicReasons } from './panicReasons.js';

export type DecodedRevert =
  | { kind: 'error'; message: string; text: string }
  | { kind: 'panic'; code: bigint; reason: string; text: string }
  | { kind: 'custom'; name: string; args: readonly unknown[]; text: string }
  | { kind: 'empty'; text: string }
  | { kind: 'unknown'; data: Hex; text: string };

const ERROR_SELECTOR = '0x08c379a0';
const PANIC_SELECTOR = '0x4e487b71';

/**
 * Names a revert: `Error(string)`, `Panic(uint256)` with the panic's meaning, a custom
 * error of any ABI given, or the raw data when nothing matches (odd data never throws).
 */
export function decodeRevert(data: Hex, abis: readonly Abi[] = []): DecodedRevert {
  if (data === '0x' || data.length < 10) {
    return data === '0x' ? { kind: 'empty', text: 'revert (no data)' } : { kind: 'unknown', data, text: `revert (data ${data})` };
  }
  const selector = data.slice(0, 10).toLowerCase();
  try {
    if (selector === ERROR_SELECTOR) {
      const { args } = decodeErrorResult({ abi: [], data });
      const message = String(args?.[0] ?? '');
      return { kind: 'error', message, text: `Error(${JSON.stringify(message)})` };
    }
    if (selector === PANIC_SELECTOR) {
      const { args } = decodeErrorResult({ abi: [], data });
      const code = BigInt(args?.[0] as bigint);
      const reason = panicReasons[Number(code)] ?? 'unknown panic code';
      return { kind: 'panic', code, reason, text: `Panic(0x${code.toString(16).padStart(2, '0')}: ${reason})` };
    }
  } catch {
    return { kind: 'unknown', data, text: `revert (malformed ${selector} data ${truncate(data)})` };
  }
  for (const abi of abis) {
    try {
      const { errorName, args } = decodeErrorResult({ abi, data });
      const list = (args ?? []) as readonly unknown[];
      return { kind: 'custom', name: errorName, args: list, text: `${errorName}(${list.map(formatValue).join(', ')})` };
    } catch {
      // not an error of this ABI; try the next
    }
  }
  return { kind: 'unknown', data, text: `revert (unknown data ${truncate(data)})` };
}

export function formatValue(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return v.startsWith('0x') ? v : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${formatValue(x)}`).join(', ')}}`;
  return String(v);
}

function truncate(data: Hex): string {
  return data.length > 74 ? `${data.slice(0, 74)}…(${(data.length - 2) / 2} bytes)` : data;
}
