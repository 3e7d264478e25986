import { isAddress, isHex, type Hex } from 'viem';
import { CheatFailure } from './CheatFailure.js';
import type { CheatContext, Cheatcode } from './Cheatcode.js';

/** Solidity type → how `vm.env*` reads an environment string as it. */
const PARSERS: Record<string, { name: string; parse: (s: string) => unknown }> = {
  bool: { name: 'Bool', parse: (s) => (s === 'true' ? true : s === 'false' ? false : undefined) },
  uint256: { name: 'Uint', parse: (s) => bigintOf(s, false) },
  int256: { name: 'Int', parse: (s) => bigintOf(s, true) },
  address: { name: 'Address', parse: (s) => (isAddress(s, { strict: false }) ? s : undefined) },
  bytes32: { name: 'Bytes32', parse: (s) => (isHex(s) && s.length <= 66 ? (s.padEnd(66, '0') as Hex) : undefined) },
  string: { name: 'String', parse: (s) => s },
  bytes: { name: 'Bytes', parse: (s) => (isHex(s) && s.length % 2 === 0 ? s : undefined) },
};

function bigintOf(s: string, signed: boolean): bigint | undefined {
  const t = s.trim();
  if (!/^-?(0x[0-9a-fA-F]+|\d+)$/.test(t) || (!signed && t.startsWith('-'))) return undefined;
  return t.startsWith('-') ? -BigInt(t.slice(1)) : BigInt(t);
}

function read(ctx: CheatContext, name: string, type: string): unknown {
  const raw = ctx.env(name);
  if (raw === undefined) return undefined;
  const value = PARSERS[type]!.parse(raw);
  // The value is not echoed: environment variables may hold keys.
  if (value === undefined) throw new CheatFailure(`vm.env: environment variable ${JSON.stringify(name)} is not a valid ${type}`);
  return value;
}

/** `vm.envOr(name, default)` and the strict `vm.envUint(name)`-style lookups. */
export const envCheats: Cheatcode[] = Object.entries(PARSERS).flatMap(([type, p]): Cheatcode[] => [
  {
    signature: `function envOr(string,${type}) view returns (${type})`,
    run: (ctx, [name, fallback]) => [read(ctx, name as string, type) ?? fallback],
  },
  {
    signature: `function env${p.name}(string) view returns (${type})`,
    run: (ctx, [name]) => {
      const value = read(ctx, name as string, type);
      if (value === undefined) throw new CheatFailure(`vm.env${p.name}: environment variable ${JSON.stringify(name)} not found`);
      return [value];
    },
  },
]);
