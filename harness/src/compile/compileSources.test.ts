import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hexToBytes, type Hex } from 'viem';
import { VigilError } from '../errors/VigilError.js';
import { compileSources } from './compileSources.js';
import type { CompileOutput } from './types.js';

const fixtures = join(import.meta.dirname, 'fixtures');

async function compileError(run: Promise<unknown>): Promise<VigilError> {
  const e = await run.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(VigilError);
  return e as VigilError;
}

function artifact(out: CompileOutput, name: string) {
  const a = out.artifacts.find((x) => x.name === name);
  expect(a, `artifact ${name} in ${out.artifacts.map((x) => x.name).join(', ')}`).toBeDefined();
  return a!;
}

/** The opcodes of a runtime code, skipping PUSH operands. */
function opcodes(code: Hex): number[] {
  const bytes = hexToBytes(code);
  const ops: number[] = [];
  for (let pc = 0; pc < bytes.length; pc++) {
    const op = bytes[pc]!;
    ops.push(op);
    if (op >= 0x60 && op <= 0x7f) pc += op - 0x5f;
  }
  return ops;
}

const temps: string[] = [];
function tempCopy(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-compile-'));
  temps.push(dir);
  cpSync(from, join(dir, 'project'), { recursive: true });
  return dir;
}
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('compileSources: imports', () => {
  it('follows relative imports across folders, naming units relative to the root', async () => {
    const out = await compileSources({ root: join(fixtures, 'project'), files: ['src/Main.sol'] });
    expect(out.sources.map((s) => s.name).sort()).toEqual(['lib/math/MathLib.sol', 'src/Main.sol', 'src/sub/Base.sol']);
    expect(artifact(out, 'Main').source).toBe('src/Main.sol');
    expect(artifact(out, 'Base').source).toBe('src/sub/Base.sol');
    expect(artifact(out, 'MathLib').source).toBe('lib/math/MathLib.sol');
    // Contents are kept for line numbers, including those of imported files.
    const base = out.sources.find((s) => s.name === 'src/sub/Base.sol')!;
    expect(base.content).toBe(readFileSync(join(fixtures, 'project/src/sub/Base.sol'), 'utf8'));
    expect(artifact(out, 'Main').deployedBytecode.length).toBeGreaterThan(100);
    expect(artifact(out, 'Main').abi.map((x) => ('name' in x ? x.name : x.type))).toEqual(
      expect.arrayContaining(['save', 'stored', 'alwaysFails', 'checked']),
    );
  });

  it('accepts entry files as absolute paths', async () => {
    const root = join(fixtures, 'project');
    const out = await compileSources({ root, files: [join(root, 'src/Main.sol')] });
    expect(artifact(out, 'Main').source).toBe('src/Main.sol');
  });

  it('finds a package import in node_modules under the root', async () => {
    const out = await compileSources({ root: join(fixtures, 'pkgroot'), files: ['src/UsesPackage.sol'] });
    expect(artifact(out, 'AcmeLib').source).toBe('@acme/lib/Lib.sol');
    expect(out.sources.find((s) => s.name === '@acme/lib/Lib.sol')?.content).toContain('library AcmeLib');
    expect(artifact(out, 'UsesPackage').deployedBytecode).not.toBe('0x');
  });

  it('applies remappings', async () => {
    const root = join(fixtures, 'remap');
    const out = await compileSources({ root, files: ['src/UsesRemap.sol'], remappings: ['lib/=vendor/lib/'] });
    expect(artifact(out, 'Vendored').source).toBe('vendor/lib/Vendored.sol');
    expect(artifact(out, 'UsesRemap').abi).toEqual(artifact(out, 'Vendored').abi);
  });

  it('without the remapping the same import is a COMPILE_IMPORT error', async () => {
    const e = await compileError(compileSources({ root: join(fixtures, 'remap'), files: ['src/UsesRemap.sol'] }));
    expect(e.code).toBe('COMPILE_IMPORT');
    expect(e.message).toContain('lib/Vendored.sol');
  });
});

describe('compileSources: errors', () => {
  it('turns a syntax error into COMPILE_ERROR with file:line:col in the meta', async () => {
    const e = await compileError(compileSources({ root: join(fixtures, 'errors'), files: ['Broken.sol'] }));
    expect(e.code).toBe('COMPILE_ERROR');
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/^solc: ParserError: Expected ';'/);
    expect(e.meta.join('\n')).toMatch(/Broken\.sol:7:9\b/);
    // The offending source line is shown too.
    expect(e.meta.some((l) => l.includes('return a;'))).toBe(true);
    expect(e.format()).toContain('Hint: ');
  });

  it('turns a type error into COMPILE_ERROR pointing at the expression', async () => {
    const e = await compileError(compileSources({ root: join(fixtures, 'errors'), files: ['TypeError.sol'] }));
    expect(e.code).toBe('COMPILE_ERROR');
    expect(e.message).toContain('TypeError');
    expect(e.meta.join('\n')).toMatch(/TypeError\.sol:7:16\b/);
  });

  it('turns a missing import into COMPILE_IMPORT with the importing line', async () => {
    const e = await compileError(compileSources({ root: join(fixtures, 'errors'), files: ['MissingImport.sol'] }));
    expect(e.code).toBe('COMPILE_IMPORT');
    expect(e.message).toContain('nowhere/Gone.sol');
    expect(e.meta.join('\n')).toMatch(/MissingImport\.sol:4:1\b/);
  });

  it('turns a pragma the bundled solc cannot satisfy into COMPILER_VERSION', async () => {
    const e = await compileError(compileSources({ root: join(fixtures, 'errors'), files: ['OldPragma.sol'] }));
    expect(e.code).toBe('COMPILER_VERSION');
    expect(e.message).toMatch(/0\.8\.\d+/);
    expect(e.meta.join('\n')).toContain('pragma solidity 0.7.6;');
    expect(e.meta.join('\n')).toMatch(/OldPragma\.sol:2:1\b/);
  });

  it('reports an entry file that does not exist before calling solc', async () => {
    const e = await compileError(compileSources({ root: join(fixtures, 'errors'), files: ['Nope.sol'] }));
    expect(e.message).toContain('Nope.sol');
  });
});

describe('compileSources: EVM version', () => {
  it('reads the default evmVersion from the metadata (prague for solc 0.8.30)', async () => {
    const out = await compileSources({ root: join(fixtures, 'project'), files: ['src/Main.sol'] });
    expect(out.compilerVersion).toMatch(/^0\.8\.30\+/);
    expect(out.evmVersion).toBe('prague');
  });

  it('honours an evmVersion setting, in the metadata and in the code', async () => {
    const root = join(fixtures, 'project');
    const shanghai = await compileSources({ root, files: ['src/Main.sol'], evmVersion: 'shanghai' });
    expect(shanghai.evmVersion).toBe('shanghai');
    expect(opcodes(artifact(shanghai, 'Main').deployedBytecode)).toContain(0x5f); // PUSH0 exists from shanghai on
    const paris = await compileSources({ root, files: ['src/Main.sol'], evmVersion: 'paris' });
    expect(paris.evmVersion).toBe('paris');
    expect(opcodes(artifact(paris, 'Main').deployedBytecode)).not.toContain(0x5f);
  });
});

describe('compileSources: cache', () => {
  const cacheFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('writes one cache file and serves the second compile from it', async () => {
    const dir = tempCopy(join(fixtures, 'project'));
    const request = { root: join(dir, 'project'), files: ['src/Main.sol'], cacheDir: join(dir, 'cache') };
    const first = await compileSources(request);
    expect(cacheFiles(request.cacheDir)).toHaveLength(1);
    const [file] = cacheFiles(request.cacheDir);
    const path = join(request.cacheDir, file!);
    expect(JSON.parse(readFileSync(path, 'utf8')).output).toEqual(first);

    const second = await compileSources(request);
    expect(second).toEqual(first);
    expect(cacheFiles(request.cacheDir)).toEqual([file]);

    // Proof that the second answer came from the file and not from solc: a marker written into it comes back.
    const entry = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...entry, output: { ...entry.output, warnings: ['from-the-cache'] } }));
    expect((await compileSources(request)).warnings).toEqual(['from-the-cache']);
  });

  it('recompiles when an imported file (not the entry) changes', async () => {
    const dir = tempCopy(join(fixtures, 'project'));
    const root = join(dir, 'project');
    const request = { root, files: ['src/Main.sol'], cacheDir: join(dir, 'cache') };
    await compileSources(request);
    const lib = join(root, 'lib/math/MathLib.sol');
    writeFileSync(lib, readFileSync(lib, 'utf8').replace('return x * 2;', 'return x * 3;'));
    const changed = await compileSources(request);
    expect(cacheFiles(request.cacheDir)).toHaveLength(1);
    expect(changed.sources.find((s) => s.name === 'lib/math/MathLib.sol')?.content).toContain('x * 3');
  });

  it('recompiles when a package import in node_modules changes', async () => {
    const dir = tempCopy(join(fixtures, 'pkgroot'));
    const root = join(dir, 'project');
    const request = { root, files: ['src/UsesPackage.sol'], cacheDir: join(dir, 'cache') };
    const before = await compileSources(request);
    const lib = join(root, 'node_modules/@acme/lib/Lib.sol');
    writeFileSync(lib, readFileSync(lib, 'utf8').replace('return 42;', 'return 43;'));
    const after = await compileSources(request);
    expect(artifact(after, 'UsesPackage').deployedBytecode).not.toBe(artifact(before, 'UsesPackage').deployedBytecode);
  });

  it('recompiles when a remapped import changes (solc names it after the remapping)', async () => {
    const dir = tempCopy(join(fixtures, 'remap'));
    const request = { root: join(dir, 'project'), files: ['src/UsesRemap.sol'], remappings: ['lib/=vendor/lib/'], cacheDir: join(dir, 'cache') };
    const before = await compileSources(request);
    const lib = join(request.root, 'vendor/lib/Vendored.sol');
    writeFileSync(lib, readFileSync(lib, 'utf8').replace('"vendored"', '"changed"'));
    const after = await compileSources(request);
    expect(after.sources.find((s) => s.content.includes('"changed"'))).toBeDefined();
    expect(before.sources.find((s) => s.content.includes('"changed"'))).toBeUndefined();
  });

  it('changes the key when the settings change', async () => {
    const dir = tempCopy(join(fixtures, 'project'));
    const base = { root: join(dir, 'project'), files: ['src/Main.sol'], cacheDir: join(dir, 'cache') };
    await compileSources(base);
    await compileSources({ ...base, evmVersion: 'shanghai' });
    await compileSources({ ...base, optimizer: { enabled: false, runs: 200 } });
    expect(cacheFiles(base.cacheDir)).toHaveLength(3);
  });
});
