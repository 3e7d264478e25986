import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { VigilError } from '../errors/VigilError.js';
import { writeFileAtomic } from '../report/writeFileAtomic.js';
import { loadSolc, type SolcModule } from './loadSolc.js';
import { resolveImport } from './resolveImport.js';
import { resolveSolcVersion } from './resolveSolcVersion.js';
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
      ...(request.viaIR ? { viaIR: true } : {}),
      outputSelection: {
        '*': {
          '*': ['abi', 'metadata', 'evm.bytecode.object', 'evm.bytecode.sourceMap', 'evm.bytecode.linkReferences',
            'evm.deployedBytecode.object', 'evm.deployedBytecode.sourceMap'],
          '': ['ast'],
        },
      },
    },
  };

  const solc = await loadSolcFor(request, root, sources);
  const version = solc.version();
  const cacheFile = request.cacheDir ? join(request.cacheDir, `${cacheKey(input, version)}.json`) : undefined;
  if (cacheFile && existsSync(cacheFile)) {
    const cached = JSON.parse(await readFile(cacheFile, 'utf8')) as CacheEntry;
    // An entry written before `definitions` existed lacks them: compile again rather than go without.
    if (cached.output?.compilerVersion === version && cached.output.definitions !== undefined && importsUnchanged(root, cached.imports ?? {})) return withContracts(cached.output, sources);
  }

  const contents = Object.fromEntries(Object.entries(sources).map(([name, s]) => [name, s.content]));
  const imports: Record<string, string> = {};
  const readImport = (unit: string) => {
    const found = resolveImport(root, unit);
    if ('contents' in found) {
      contents[unit] = found.contents;
      imports[unit] = sha256(found.contents);
    }
    return found;
  };
  const raw = JSON.parse(solc.compile(JSON.stringify(input), { import: readImport })) as SolcOutput;
  const output = toCompileOutput(raw, version, contents);
  if (cacheFile) {
    await mkdir(request.cacheDir!, { recursive: true });
    const entry: CacheEntry = { output, imports };
    await writeFileAtomic(cacheFile, JSON.stringify(entry));
  }
  return withContracts(output, sources);
}

/** Sources that compile to nothing (an empty file) leave nothing to deploy: say so before anything else asks. */
function withContracts(output: CompileOutput, sources: Record<string, { content: string }>): CompileOutput {
  if (output.artifacts.length > 0) return output;
  const names = Object.keys(sources);
  throw new VigilError('COMPILE_EMPTY', `the Solidity sources define no contract: ${names.join(', ')}`, {
    meta: names.filter((n) => sources[n]!.content.trim() === '').map((n) => `${n}: the file is empty`),
  });
}

/** The bundled solc unless the request names a version or asks for one chosen from the pragmas. */
async function loadSolcFor(request: CompileRequest, root: string, sources: Record<string, { content: string }>): Promise<SolcModule> {
  if (request.solcVersion === undefined) return loadSolc();
  const solcCacheDir = request.solcCacheDir ?? request.cacheDir ?? join(root, '.vigil', 'cache');
  const entries = Object.fromEntries(Object.entries(sources).map(([name, s]) => [name, s.content]));
  const { version, neededBy } = await resolveSolcVersion({
    solcVersion: request.solcVersion, root, entries, remappings: request.remappings ?? [], solcCacheDir,
  });
  return loadSolc(version, { cacheDir: solcCacheDir, neededBy });
}

/**
 * A cache entry keeps the hash of every file solc imported (as solc named it, after
 * remappings), so an edited dependency invalidates it however it was reached.
 */
interface CacheEntry {
  output: CompileOutput;
  imports: Record<string, string>;
}

function importsUnchanged(root: string, imports: Record<string, string>): boolean {
  for (const [unit, hash] of Object.entries(imports)) {
    const found = resolveImport(root, unit);
    if (!('contents' in found) || sha256(found.contents) !== hash) return false;
  }
  return true;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function toUnitName(root: string, abs: string): string {
  const rel = relative(root, abs);
  return rel.startsWith('..') ? abs : rel.split('\\').join('/');
}

/** The key covers the entry sources, the settings (remappings included) and the compiler version. */
function cacheKey(input: object, version: string): string {
  return sha256(`${version}\n${JSON.stringify(input)}`).slice(0, 32);
}
