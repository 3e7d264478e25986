import { keccak256, stringToBytes } from 'viem';

/**
 * The Safe Transaction Builder's checksum of a batch file: keccak256 of a canonical form
 * of the file with `meta.name` set to null and no `meta.checksum`. The canonical form
 * writes an object as `{` + its sorted keys as a JSON array + each value followed by `,`
 * + `}`, an array as its items joined by `,`, anything else as JSON (undefined as null).
 */
export function safeChecksum(batch: { meta: object }): string {
  const { checksum: _omit, ...meta } = batch.meta as Record<string, unknown>;
  return keccak256(stringToBytes(canonical({ ...batch, meta: { ...meta, name: null } })));
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return `{${JSON.stringify(keys)}${keys.map((k) => `${canonical((v as Record<string, unknown>)[k])},`).join('')}}`;
  }
  return JSON.stringify(v === undefined ? null : v);
}
