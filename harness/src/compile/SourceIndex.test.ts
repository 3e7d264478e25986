import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toFunctionSelector, type Hex } from 'viem';
import { compileSources } from './compileSources.js';
import { SourceIndex, type DefinitionSite } from './SourceIndex.js';
import type { Artifact, CompileOutput } from './types.js';

const root = join(import.meta.dirname, 'fixtures', 'definitions');
let compiled: CompileOutput;
let index: SourceIndex;
const artifact = (name: string): Artifact => compiled.artifacts.find((a) => a.name === name)!;

beforeAll(async () => {
  compiled = await compileSources({ root, files: ['Derived.sol'] });
  index = new SourceIndex(compiled);
});

/** The text of the site's line from its column on (columns count characters, not bytes). */
function textAt(site: DefinitionSite): string {
  const text = index.text(site.source)!;
  const { line, column } = text.position(site.start);
  return text.content.split('\n')[line - 1]!.slice(column - 1);
}

const call = (signature: string, args = ''): Hex => `${toFunctionSelector(signature)}${args}` as Hex;

describe('SourceIndex.calledFunction', () => {
  it('finds an inherited function in the base contract file, at its `function` keyword past its documentation', () => {
    const site = index.calledFunction(artifact('Derived'), call('grow(uint256)', '0'.repeat(64)))!;
    expect(site).toMatchObject({ contract: 'Base', function: 'grow', source: 'Base.sol' });
    expect(textAt(site)).toMatch(/^function grow\(/);
  });

  it('prefers the most derived implementation, and an implementation over a declaration', () => {
    expect(index.calledFunction(artifact('Derived'), call('shrink(uint256)'))).toMatchObject({ contract: 'Derived', function: 'shrink' });
    const area = index.calledFunction(artifact('Derived'), call('area()'))!;
    expect(area).toMatchObject({ contract: 'Derived', function: 'area', source: 'Derived.sol' });
    expect(textAt(area)).toMatch(/^function area\(\) external view override/);
  });

  it('finds a public variable getter at its declaration', () => {
    const site = index.calledFunction(artifact('Derived'), call('side()'))!;
    expect(site).toMatchObject({ contract: 'Base', function: 'side' });
    expect(textAt(site)).toMatch(/^uint256 public side;/);
  });

  it('sends unknown selectors to fallback and empty calldata to receive, as Solidity dispatches', () => {
    const fallback = index.calledFunction(artifact('Derived'), call('nope()'))!;
    expect(fallback).toMatchObject({ contract: 'Derived', function: 'fallback' });
    expect(textAt(fallback)).toMatch(/^fallback\(\) external payable/);
    const receive = index.calledFunction(artifact('Derived'), '0x')!;
    expect(receive).toMatchObject({ contract: 'Derived', function: 'receive' });
    expect(textAt(receive)).toMatch(/^receive\(\) external payable/);
    // Short calldata is no selector: the fallback.
    expect(index.calledFunction(artifact('Derived'), '0x1234')).toMatchObject({ function: 'fallback' });
  });

  it('sends empty calldata to the fallback when there is no receive, and finds nothing when neither exists', () => {
    expect(index.calledFunction(artifact('OnlyFallback'), '0x')).toMatchObject({ contract: 'OnlyFallback', function: 'fallback' });
    expect(index.calledFunction(artifact('NoFallback'), call('nope()'))).toBeUndefined();
    expect(index.calledFunction(artifact('NoFallback'), call('ping()'))).toMatchObject({ function: 'ping' });
  });
});

describe('SourceIndex.enclosing', () => {
  it('names the contract and modifier around an assert written after non-ASCII text', () => {
    const text = index.text('Base.sol')!;
    const lineNo = text.content.split('\n').findIndex((l) => l.includes('assert(x > 0)')) + 1;
    const column = text.content.split('\n')[lineNo - 1]!.indexOf('assert') + 1;
    const offset = text.offsetOf(lineNo, column);
    expect(text.slice(offset, 6)).toBe('assert');
    expect(index.enclosing('Base.sol', offset)).toEqual({ contract: 'Base', function: 'positive' });
    expect(index.enclosing('Base.sol', 0)).toBeUndefined();
  });
});

describe('compile output', () => {
  it('keeps the AST definitions through the compile cache', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const cacheDir = mkdtempSync(join(tmpdir(), 'vigil-definitions-'));
    try {
      const first = await compileSources({ root, files: ['Derived.sol'], cacheDir });
      const cached = await compileSources({ root, files: ['Derived.sol'], cacheDir });
      expect(cached.definitions).toEqual(first.definitions);
      expect(cached.definitions!.map((d) => `${d.kind} ${d.name}`).sort()).toEqual(
        ['contract Base', 'contract Derived', 'contract NoFallback', 'contract OnlyFallback', 'interface IShape'],
      );
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
