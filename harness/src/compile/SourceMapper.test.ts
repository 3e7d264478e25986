import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeFunctionData, hexToBytes, type Hex } from 'viem';
import { TestChain } from '../chain/TestChain.js';
import { hardforkFor } from '../chain/hardforkFor.js';
import { compileSources } from './compileSources.js';
import { SourceMapper } from './SourceMapper.js';
import type { Artifact, CompileOutput } from './types.js';

const DEPLOYER = '0x0000000000000000000000000000000000030000' as Hex;
const REVERT = 0xfd;

let compiled: CompileOutput;
let main: Artifact;
/** Without the optimizer, whose block deduplicator lets two requires share one REVERT. */
let plain: CompileOutput;
let plainMain: Artifact;

beforeAll(async () => {
  const request = { root: join(import.meta.dirname, 'fixtures/project'), files: ['src/Main.sol'] };
  compiled = await compileSources(request);
  main = compiled.artifacts.find((a) => a.name === 'Main')!;
  plain = await compileSources({ ...request, optimizer: { enabled: false, runs: 200 } });
  plainMain = plain.artifacts.find((a) => a.name === 'Main')!;
});

function lineOf(source: string, needle: string): number {
  const content = compiled.sources.find((s) => s.name === source)!.content;
  const index = content.split('\n').findIndex((l) => l.includes(needle));
  expect(index, `${needle} in ${source}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** Runs one call on a fresh chain with coverage and returns the pcs of the REVERTs it executed. */
async function executedReverts(artifact: Artifact, fn: 'alwaysFails' | 'checked', args: unknown[]): Promise<number[]> {
  const chain = await TestChain.create({ hardfork: hardforkFor(compiled.evmVersion), coverage: true });
  await chain.setBalance(DEPLOYER, 10n ** 18n);
  const deployed = await chain.deploy({ from: DEPLOYER, data: artifact.bytecode });
  expect(deployed.status).toBe('success');
  const result = await chain.call({
    from: DEPLOYER,
    to: deployed.createdAddress!,
    data: encodeFunctionData({ abi: artifact.abi, functionName: fn, args } as never),
  });
  expect(result.status).toBe('revert');
  const code = await chain.getCode(deployed.createdAddress!);
  const hit = chain.coverage!.bitmapFor(code);
  const pcs: number[] = [];
  for (let pc = 0; pc < code.length; pc++) {
    if (hit[pc] === 1 && code[pc] === REVERT) pcs.push(pc);
    if (code[pc]! >= 0x60 && code[pc]! <= 0x7f) pc += code[pc]! - 0x5f;
  }
  return pcs;
}

describe('SourceMapper', () => {
  it('maps the REVERT executed by require(false, "x") to its file and line', async () => {
    const pcs = await executedReverts(main, 'alwaysFails', []);
    expect(pcs).toHaveLength(1);
    const where = new SourceMapper(compiled).locate(main, pcs[0]!);
    expect(where).toMatchObject({ file: 'src/Main.sol', line: lineOf('src/Main.sol', 'require(false, "x")') });
    expect(where!.text).toMatch(/^require\(false, "x"\)/);
    expect(where!.column).toBe(9);
  });

  it('maps each of two requires to its own line in unoptimized code', async () => {
    const mapper = new SourceMapper(plain);
    const seven = await executedReverts(plainMain, 'checked', [7n]);
    expect(seven).toHaveLength(1);
    expect(mapper.locate(plainMain, seven[0]!)).toMatchObject({ file: 'src/Main.sol', line: lineOf('src/Main.sol', 'require(a != 7, "seven")') });
    const x = await executedReverts(plainMain, 'alwaysFails', []);
    expect(x).toHaveLength(1);
    expect(x[0]).not.toBe(seven[0]);
    expect(mapper.locate(plainMain, x[0]!)).toMatchObject({ file: 'src/Main.sol', line: lineOf('src/Main.sol', 'require(false, "x")') });
  });

  it('maps code inlined from an imported file to that file', () => {
    const mapper = new SourceMapper(compiled);
    const code = hexToBytes(main.deployedBytecode);
    const files = new Set<string>();
    for (let pc = 0; pc < code.length; pc++) {
      const at = mapper.locate(main, pc);
      if (at) files.add(`${at.file}:${at.line}`);
      if (code[pc]! >= 0x60 && code[pc]! <= 0x7f) pc += code[pc]! - 0x5f;
    }
    expect(files).toContain(`src/sub/Base.sol:${lineOf('src/sub/Base.sol', 'stored = MathLib.double(x);')}`);
    expect([...files].some((f) => f.startsWith('lib/math/MathLib.sol:'))).toBe(true);
  });

  it('reads source map offsets as bytes, so locations after non-ASCII text stay exact', async () => {
    const defs = await compileSources({ root: join(import.meta.dirname, 'fixtures/definitions'), files: ['Derived.sol'] });
    const derived = defs.artifacts.find((a) => a.name === 'Derived')!;
    const mapper = new SourceMapper(defs);
    const code = hexToBytes(derived.deployedBytecode);
    const asserts = new Set<string>();
    for (let pc = 0; pc < code.length; pc++) {
      const at = mapper.locate(derived, pc);
      if (at?.text.startsWith('assert(')) asserts.add(`${at.file}:${at.line}:${at.column} ${at.text}`);
      if (code[pc]! >= 0x60 && code[pc]! <= 0x7f) pc += code[pc]! - 0x5f;
    }
    const lines = defs.sources.find((s) => s.name === 'Base.sol')!.content.split('\n');
    const line = lines.findIndex((l) => l.includes('assert(x > 0)'));
    expect([...asserts]).toEqual([`Base.sol:${line + 1}:${lines[line]!.indexOf('assert') + 1} assert(x > 0)`]);
  });

  it('returns undefined for a pc inside a PUSH operand or past the end', () => {
    const mapper = new SourceMapper(compiled);
    const code = hexToBytes(main.deployedBytecode);
    const push = code.findIndex((op) => op >= 0x60 && op <= 0x7f);
    expect(mapper.locate(main, push + 1)).toBeUndefined();
    expect(mapper.locate(main, code.length + 10)).toBeUndefined();
  });
});
