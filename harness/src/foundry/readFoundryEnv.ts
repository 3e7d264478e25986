import { bool, seed, uint, show, type ValueType } from './readFoundryConfig.js';

/** The environment variables forge honours that Vigil reads, and the setting each overrides. */
const FOUNDRY_ENV = [
  { name: 'FOUNDRY_INVARIANT_RUNS', section: 'invariant', key: 'runs', type: uint },
  { name: 'FOUNDRY_INVARIANT_DEPTH', section: 'invariant', key: 'depth', type: uint },
  { name: 'FOUNDRY_INVARIANT_FAIL_ON_REVERT', section: 'invariant', key: 'failOnRevert', type: bool },
  { name: 'FOUNDRY_FUZZ_SEED', section: 'fuzz', key: 'seed', type: seed },
  { name: 'FOUNDRY_FUZZ_RUNS', section: 'fuzz', key: 'runs', type: uint },
] as const satisfies readonly { name: string; section: 'invariant' | 'fuzz'; key: string; type: ValueType<unknown> }[];

export interface FoundryEnvOverrides {
  invariant: { runs?: number; depth?: number; failOnRevert?: boolean };
  fuzz: { seed?: string; runs?: number };
  problems: string[];
}

/** Overrides from `FOUNDRY_*` variables (set and non-empty), read as forge reads them: `true`, `42`, `0x2a`. */
export function readFoundryEnv(env: NodeJS.ProcessEnv): FoundryEnvOverrides {
  const out: FoundryEnvOverrides = { invariant: {}, fuzz: {}, problems: [] };
  for (const v of FOUNDRY_ENV) {
    const raw = env[v.name]?.trim();
    if (!raw) continue;
    const value = (v.type as ValueType<unknown>).read(parseScalar(raw));
    if (value === undefined) out.problems.push(`${v.name} must be ${v.type.expected}, got ${show(raw)}`);
    else (out[v.section] as Record<string, unknown>)[v.key] = value;
  }
  return out;
}

function parseScalar(raw: string): unknown {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d+$/.test(raw)) return Number.isSafeInteger(Number(raw)) ? Number(raw) : raw;
  return raw;
}
