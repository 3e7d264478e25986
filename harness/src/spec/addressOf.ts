import type { Hex } from 'viem';

const MARK = 'vigil-address-of';

/** The placeholder `addressOf` returns; typed as an address so constructor args type-check. */
export interface AddressOf {
  readonly kind: typeof MARK;
  readonly key: string;
}

/**
 * The address of a contract the spec deploys earlier, for constructor arguments:
 * `args: [addressOf('asset')]`. Resolved when the spec deploys.
 */
export function addressOf(key: string): Hex {
  return { kind: MARK, key } as unknown as Hex;
}

export function isAddressOf(v: unknown): v is AddressOf {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === MARK;
}
