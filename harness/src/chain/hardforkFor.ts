import { Hardfork } from '@ethereumjs/common';

const forks = new Map<string, Hardfork>(Object.values(Hardfork).map((h) => [h.toLowerCase(), h]));

/** The @ethereumjs hardfork that matches a solc `evmVersion` (they share names). */
export function hardforkFor(evmVersion: string): Hardfork {
  const fork = forks.get(evmVersion.toLowerCase());
  if (fork === undefined) throw new Error(`no EVM hardfork matches solc evmVersion "${evmVersion}"`);
  return fork;
}
