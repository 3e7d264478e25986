import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeSpecFile } from './analyzeSpecFile.js';
import { constructs as c } from './constructs.js';
import { resolveModulePath } from './resolveModulePath.js';

describe('resolveModulePath', () => {
  const exists = (files: string[]) => (file: string) => files.includes(file);

  it('maps .js specifiers to .ts sources and directories to index.ts', () => {
    expect(resolveModulePath('/p/specs/A.spec.ts', '../invariants/erc20.js', exists(['/p/invariants/erc20.ts']))).toBe(
      '/p/invariants/erc20.ts',
    );
    expect(resolveModulePath('/p/specs/A.spec.ts', './lib.mjs', exists(['/p/specs/lib.mts']))).toBe('/p/specs/lib.mts');
    expect(resolveModulePath('/p/specs/A.spec.ts', './lib', exists(['/p/specs/lib/index.ts']))).toBe('/p/specs/lib/index.ts');
  });

  it('does not follow packages or missing files', () => {
    expect(resolveModulePath('/p/specs/A.spec.ts', 'vigil/invariants', () => true)).toBeUndefined();
    expect(resolveModulePath('/p/specs/A.spec.ts', './gone.js', () => false)).toBeUndefined();
  });
});

describe('resolveLibraryCheck through analyzeSpecFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-resolve-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);

  it('gives up on cyclic re-exports instead of recursing forever', () => {
    write('a.ts', "import { loop } from './b.js';\nexport { loop };\n");
    write('b.ts', "import { loop } from './a.js';\nexport { loop };\n");
    write(
      'Cycle.spec.ts',
      "import { defineSpec } from 'vigil';\nimport { loop } from './a.js';\n" +
        "export default defineSpec({ contracts: { t: {} }, invariants: { cyclic: loop('t') } });\n",
    );
    const analysis = analyzeSpecFile(path.join(dir, 'Cycle.spec.ts'));
    expect(analysis.checks.map((k) => [k.name, k.provable, k.outside[0]?.construct])).toEqual([['cyclic', false, c.libraryCall]]);
  });

  it('inlines constant arguments and curried library functions', () => {
    write(
      'curried.ts',
      'export const atMost = (key: string) => (cap: bigint) => async (ctx) => (await ctx[key].totalSupply()) <= cap * 2n;\n',
    );
    write(
      'Curried.spec.ts',
      "import { defineSpec } from 'vigil';\nimport { atMost } from './curried.js';\n" +
        "export default defineSpec({ contracts: { t: {} }, invariants: { capped: atMost('t')(10n ** 3n), opaque: atMost('t')(BigInt(3)) } });\n",
    );
    const analysis = analyzeSpecFile(path.join(dir, 'Curried.spec.ts'));
    expect(analysis.checks.map((k) => [k.name, k.provable, k.outside.map((i) => `${i.construct}: ${i.text}`)])).toEqual([
      ['capped', true, []],
      ['opaque', false, [`${c.libraryParameter}: cap`]],
    ]);
  });
});
