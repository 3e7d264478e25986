import type { TomlTable } from 'smol-toml';

/** A type a key must have, said the way an error message says it. */
export interface ValueType<T> {
  expected: string;
  read(value: unknown): T | undefined;
}

export const string: ValueType<string> = {
  expected: 'a string',
  read: (v) => (typeof v === 'string' ? v : undefined),
};
export const strings: ValueType<string[]> = {
  expected: 'an array of strings',
  read: (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined),
};
/** solc remappings, `[context:]prefix=target`. */
export const remappingList: ValueType<string[]> = {
  expected: 'an array of "prefix=target" strings',
  read: (v) => {
    const list = strings.read(v);
    return list && list.every((r) => /^[^=]+=/.test(r)) ? list : undefined;
  },
};
export const bool: ValueType<boolean> = {
  expected: 'true or false',
  read: (v) => (typeof v === 'boolean' ? v : undefined),
};
export const uint: ValueType<number> = {
  expected: 'a non-negative integer',
  read: (v) => {
    const n = typeof v === 'bigint' && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
  },
};
/** forge's fuzz seed is a uint256: an integer or a decimal or 0x string. */
export const seed: ValueType<string> = {
  expected: 'an integer or a decimal or 0x-hex string',
  read: (v) => {
    if ((typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) || (typeof v === 'bigint' && v >= 0n)) return String(v);
    return typeof v === 'string' && /^(0x[0-9a-fA-F]+|\d+)$/.test(v) ? v : undefined;
  },
};

/**
 * Reads keys of the selected profile of a parsed foundry.toml the way forge merges them: a key of
 * `[profile.<name>]` beats the same key of `[profile.default]`; a key of a standalone section
 * (`invariant`, `fuzz`) is looked up in `[profile.<name>.invariant]`, then the top-level
 * `[invariant]`, then `[profile.default.invariant]`. Keys may be written in kebab-case too.
 * A value of the wrong type becomes a problem naming its dotted path; unknown keys are ignored.
 */
export class FoundryConfigReader {
  readonly problems: string[] = [];

  constructor(
    private readonly toml: TomlTable,
    private readonly profile: string,
    private readonly fileLabel = 'foundry.toml',
  ) {}

  /** The names of the profiles the file defines. */
  profiles(): string[] {
    const profiles = this.toml.profile;
    return isTable(profiles) ? Object.keys(profiles) : [];
  }

  key<T>(key: string, type: ValueType<T>): T | undefined {
    return this.first(this.profileChain().map((p) => [...p, key]), type);
  }

  sectionKey<T>(section: string, key: string, type: ValueType<T>): T | undefined {
    const [selected, ...rest] = this.profileChain();
    const chain = [[...selected!, section, key], [section, key], ...rest.map((p) => [...p, section, key])];
    return this.first(chain, type);
  }

  private profileChain(): string[][] {
    return this.profile === 'default' ? [['profile', 'default']] : [['profile', this.profile], ['profile', 'default']];
  }

  /** The value at the first path that has one; a wrong type there is a problem (and no value). */
  private first<T>(paths: string[][], type: ValueType<T>): T | undefined {
    for (const path of paths) {
      const found = lookup(this.toml, path);
      if (found === undefined) continue;
      const value = type.read(found.value);
      if (value === undefined) this.problems.push(`${this.fileLabel}: ${found.path} must be ${type.expected}, got ${show(found.value)}`);
      return value;
    }
    return undefined;
  }
}

function lookup(table: TomlTable, path: string[]): { value: unknown; path: string } | undefined {
  let here: unknown = table;
  const written: string[] = [];
  for (const part of path) {
    if (!isTable(here)) return undefined;
    const name = part in here ? part : part.replace(/_/g, '-');
    if (!(name in here)) return undefined;
    here = here[name];
    written.push(name);
  }
  return { value: here, path: written.join('.') };
}

function isTable(v: unknown): v is TomlTable {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

export function show(value: unknown): string {
  if (typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toString();
  return JSON.stringify(value) ?? String(value);
}
