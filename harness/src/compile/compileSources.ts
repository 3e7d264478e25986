import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { VigilError } from '../errors/VigilError.js';
import { writeFileAtomic } from '../report/writeFileAtomic.js';
import { loadSolc } from './loadSolc.js';
import { resolveImport } from './resolveImport.js';
import { toCompileOutput, type SolcOutput } from './toCompileOutput.js';
import type { CompileOutput, CompileRequest } from './types.js';

/**
 * Compiles Solidity with solc-js through standard JSON. The artifacts are cached by a
 * hash of every source read, the compiler version and the settings, so an unchanged
 * project compiles once.
 */
export async function compileSources(request: CompileRequest): Promise<CompileOutput> {
  const root = resolve(request.root);
  const sources: Record<string, { content: string }> = {};
  for (const file of request.files) {
    const abs = isAbsolute(file) ? file : resolve(root, file);
    if (!existsSync(abs)) {
      throw new VigilError('SPEC_INVALID', `Solidity source not found: ${file}`, {
        hint: 'Paths in `sources` are relative to the spec file; check the spelling.',
      });
    }
    sources[toUnitName(root, abs)] = { content: readFileSync(abs, 'utf8') };
  }
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: request.optimizer ?? { enabled: true, runs: 200 },
      ...(request.evmVersion ? { evmVersion: request.evmVersion } : {}),
      remappings: request.remappings ?? [],
      outputSelection: {
        '*': {
          '*': ['abi', 'metadata', 'evm.bytecode.object', 'evm.bytecode.sourceMap', 'evm.bytecode.linkReferences',
            'evm.deployedBytecode.object', 'evm.deployedBytecode.sourceMap'],
          '': ['ast'],
        },
      },
    },
  };

  const solc = await loadSolc();
  const version = solc.version();
  const cacheFile = request.cacheDir ? join(request.cacheDir, `${cacheKey(root, input, version)}.json`) : undefined;
  if (cacheFile && existsSync(cacheFile)) {
    const cached = JSON.parse(await readFile(cacheFile, 'utf8')) as CompileOutput;
    if (cached.compilerVersion === version) return cached;
  }

  const contents = Object.fromEntries(Object.entries(sources).map(([name, s]) => [name, s.content]));
  const readImport = (unit: string) => {
    const found = resolveImport(root, unit);
    if ('contents' in found) contents[unit] = found.contents;
    return found;
  };
  const raw = JSON.parse(solc.compile(JSON.stringify(input), { import: readImport })) as SolcOutput;
  const output = toCompileOutput(raw, version, contents);
  if (cacheFile) {
    await mkdir(request.cacheDir!, { recursive: true });
    await writeFileAtomic(cacheFile, JSON.stringify(output));
  }
  return output;
}

function toUnitName(root: string, abs: string): string {
  const rel = relative(root, abs);
  return rel.startsWith('..') ? abs : rel.split('\\').join('/');
}

/**
 * The key covers the entry sources, the settings and the compiler version; imported
 * files are covered by hashing every .sol the previous compile of this input read,
 * which is simpler done here by hashing the resolved import closure text.
 */
function cacheKey(root: string, input: { sources: Record<string, { content: string }> }, version: string): string {
  const hash = createHash('sha256');
  hash.update(version);
  hash.update(JSON.stringify(input));
  for (const text of importClosure(root, input.sources)) hash.update(text);
  return hash.digest('hex').slice(0, 32);
}

function importClosure(root: string, sources: Record<string, { content: string }>): string[] {
  const seen = new Set<string>(Object.keys(sources));
  const queue = Object.entries(sources).map(([name, s]) => ({ name, content: s.content }));
  const texts: string[] = [];
  while (queue.length > 0) {
    const { name, content } = queue.pop()!;
    for (const m of content.matchAll(/import\s+(?:[^'"]*from\s+)?["']([^"']+)["']/g)) {
      const spec = m[1]!;
      const unit = spec.startsWith('.') ? join(name, '..', spec).split('\\').join('/') : spec;
      if (seen.has(unit)) continue;
      seen.add(unit);
      const found = resolveImport(root, unit);
      if ('contents' in found) {
        texts.push(unit, found.contents);
        queue.push({ name: unit, content: found.contents });
      }
    }
  }
  return texts.sort();
}
