import type { AbiParameter } from 'viem';

/**
 * Decoded arguments in the fuzzer's own representation: viem decodes integers of 48 bits or
 * fewer as numbers, while the fuzzer (and its mutations, which mix in bigint arithmetic) holds
 * every integer as a bigint; addresses lower-case. Arrays and tuples are converted element-wise.
 */
export function toFuzzArgs(params: readonly AbiParameter[], args: readonly unknown[]): unknown[] {
  return params.map((p, i) => toFuzzValue(p, args[i]));
}

function toFuzzValue(param: AbiParameter, value: unknown): unknown {
  const array = /^(.*)\[\d*\]$/.exec(param.type);
  if (array) return (value as unknown[]).map((v) => toFuzzValue({ ...param, type: array[1]! }, v));
  if (param.type === 'tuple') {
    const components = (param as { components: readonly AbiParameter[] }).components;
    if (Array.isArray(value)) return components.map((c, i) => toFuzzValue(c, value[i]));
    const record = value as Record<string, unknown>;
    return Object.fromEntries(components.map((c, i) => [c.name ?? String(i), toFuzzValue(c, record[c.name ?? String(i)])]));
  }
  if (/^u?int\d*$/.test(param.type) && typeof value === 'number') return BigInt(value);
  if (param.type === 'address' && typeof value === 'string') return value.toLowerCase();
  return value;
}
