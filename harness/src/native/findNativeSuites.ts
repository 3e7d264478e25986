import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { compileSources } from '../compile/compileSources.js';
import { VigilError } from '../errors/VigilError.js';
import { findSolidityFiles } from '../foundry/findSolidityFiles.js';
import { loadFoundryProject } from '../foundry/loadFoundryProject.js';
import { findSuites } from './findSuites.js';
import type { SuiteRef } from './SuiteRef.js';

/**
 * The Solidity-native suites a path names: a `.sol` file (its suites; if it has none, its
 * contracts in assertion mode), or a Foundry project folder (the suites of its test folder).
 * Compiles once per path; the artifacts are cached for the runs that follow.
 */
export async function findNativeSuites(path: string, options: { cacheDir?: string; contract?: string } = {}): Promise<SuiteRef[]> {
  const abs = resolve(path);
  const isFile = statSync(abs).isFile();
  const project = await loadFoundryProject(abs);
  const files = isFile ? [abs] : findSolidityFiles(project, 'test');
  if (files.length === 0) {
    throw new VigilError('SPEC_NOT_FOUND', `no .sol files in ${relative(process.cwd(), resolve(project.root, project.test)) || '.'}`, {
      hint: 'Point vigil run at a Foundry project (its test folder holds the suites) or at a .sol file.',
    });
  }
  const compiled = await compileSources({
    root: project.root, files, remappings: project.remappings, optimizer: project.optimizer, evmVersion: project.evmVersion,
    viaIR: project.viaIR, solcVersion: project.solcVersion ?? 'auto', cacheDir: options.cacheDir,
  });
  const unitOf = new Map(files.map((f) => [compiled.sources.find((s) => resolve(project.root, s.name) === f)?.name ?? relative(project.root, f), f]));
  const units = new Set(unitOf.keys());
  let suites = findSuites(compiled, units, isFile ? units : new Set());
  if (options.contract !== undefined) {
    const wanted = suites.filter((s) => s.contract === options.contract);
    const asAssertion = compiled.artifacts.find((a) => a.name === options.contract && units.has(a.source) && a.bytecode.length > 2);
    suites = wanted.length > 0 ? wanted : asAssertion ? [{ source: asAssertion.source, contract: asAssertion.name, kind: 'assertion' }] : [];
    if (suites.length === 0) {
      throw new VigilError('SPEC_UNKNOWN_CONTRACT', `no deployable contract ${options.contract} in ${relative(process.cwd(), abs) || '.'}`, {
        meta: [`contracts: ${compiled.artifacts.filter((a) => units.has(a.source) && a.bytecode.length > 2).map((a) => a.name).join(', ') || '(none)'}`],
        hint: 'Pass --contract with one of the contracts listed.',
      });
    }
  }
  if (suites.length === 0) {
    throw new VigilError('SPEC_NOT_FOUND', `no invariant, Echidna or Medusa suite in ${relative(process.cwd(), abs) || '.'}`, {
      hint: 'A suite has invariant_* functions (forge), echidna_* or property_* functions returning bool; or pass a .sol file to fuzz its contracts in assertion mode.',
    });
  }
  return suites.map((s) => ({ kind: s.kind, root: project.root, file: unitOf.get(s.source) ?? resolve(project.root, s.source), contract: s.contract }));
}

/** Whether a path names Solidity-native suites rather than TypeScript specs. */
export function isNativePath(path: string): boolean {
  const abs = resolve(path);
  if (abs.endsWith('.sol')) return true;
  return existsSync(resolve(abs, 'foundry.toml'));
}
