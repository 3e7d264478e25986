import type { Hex } from 'viem';

/** Echidna's and Medusa's default senders; the deployer is the third, as there. */
export const DEFAULT_ACTORS: readonly Hex[] = [
  '0x0000000000000000000000000000000000010000',
  '0x0000000000000000000000000000000000020000',
  '0x0000000000000000000000000000000000030000',
];
export const DEFAULT_DEPLOYER: Hex = '0x0000000000000000000000000000000000030000';
/** Ether each actor starts with: plenty, but far below 2^256 so value arithmetic cannot overflow. */
export const DEFAULT_FUND = 10n ** 30n;
/** Context names a contract key may not shadow. */
export const RESERVED_KEYS = new Set(['actors', 'holders', 'keys', 'ghosts', 'chain', 'contracts', 'call', 'old', 'as', 'deployer', 'setBalance', 'warp', 'roll']);
