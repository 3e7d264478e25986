import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { compileSources } from '../../compile/compileSources.js';
import { VigilError } from '../../errors/VigilError.js';
import { findSolidityFiles } from '../../foundry/findSolidityFiles.js';
import { loadFoundryProject } from '../../foundry/loadFoundryProject.js';
import { suiteKindOf } from '../../native/findSuites.js';
import { suiteChecks } from '../../native/openNativeSession.js';
import type { SuiteRef } from '../../native/SuiteRef.js';
import { checkFunctionsOf } from './openCheckSuite.js';

/** What `vigil prove` proves in Solidity: invariant suites, and contracts with `check_*` functions. */
export type ProveSuite =
  | { type: 'invariants'; ref: SuiteRef; names: string[] }
  | { type: 'checks'; ref: SuiteRef; names: string[] };

/**
 * The provable suites a path names (a `.sol` file, or a Foundry project's test folder):
 * forge / Echidna / Medusa suites as `vigil run` finds them, plus Halmos-style contracts.
 * A contract with both kinds of functions is both. `contract` keeps one by name.
 */
export async function findProveSuites(path: string, o: { cacheDir?: string; contract?: string } = {}): Promise<ProveSuite[]> {
  const abs = resolve(path);
  const project = await loadFoundryProject(abs);
  const files = statSync(abs).isFile() ? [abs] : findSolidityFiles(project, 'test');
  const where = relative(process.cwd(), abs) || '.';
  if (files.length === 0) throw new VigilError('SPEC_NOT_FOUND', `no .sol files in ${where}`, { hint: 'Point vigil prove at a Foundry project (its test folder holds the suites) or at a .sol file.' });
  const compiled = await compileSources({
    root: project.root, files, remappings: project.remappings, optimizer: project.optimizer, evmVersion: project.evmVersion,
    viaIR: project.viaIR, solcVersion: project.solcVersion ?? 'auto', cacheDir: o.cacheDir,
  });
  const fileOf = new Map(files.map((f) => [compiled.sources.find((s) => resolve(project.root, s.name) === f)?.name ?? relative(project.root, f), f]));
  const out: ProveSuite[] = [];
  for (const a of compiled.artifacts) {
    const file = fileOf.get(a.source);
    if (file === undefined || (o.contract !== undefined && a.name !== o.contract)) continue;
    const kind = suiteKindOf(a);
    const ref: SuiteRef = { kind: kind ?? 'foundry', root: project.root, file, contract: a.name };
    if (kind !== undefined) out.push({ type: 'invariants', ref, names: suiteChecks(kind, a.abi).map((f) => f.name) });
    const checks = checkFunctionsOf(a.abi).map((f) => f.name);
    if (a.bytecode.length > 2 && checks.length > 0) out.push({ type: 'checks', ref: { ...ref, kind: 'foundry' }, names: checks });
  }
  if (out.length === 0) {
    throw new VigilError('SPEC_NOT_FOUND', `no suite to prove in ${where}${o.contract ? ` named ${o.contract}` : ''}`, {
      hint: 'vigil prove takes contracts with invariant_* functions (forge), echidna_* / property_* functions returning bool, or Halmos-style check_* functions.',
    });
  }
  return out;
}
