import type { AbiFunction } from 'viem';
import type { Artifact, CompileOutput } from '../compile/types.js';
import type { SuiteKind } from './SuiteRef.js';

/** forge treats both prefixes as invariants. */
export const INVARIANT_PREFIXES = ['invariant', 'statefulFuzz'] as const;

function functions(a: Artifact): AbiFunction[] {
  return a.abi.filter((x): x is AbiFunction => x.type === 'function');
}

function returnsBool(fn: AbiFunction): boolean {
  return fn.inputs.length === 0 && fn.outputs.length === 1 && fn.outputs[0]!.type === 'bool';
}

/**
 * Tests written by `vigil export --foundry` inherit the suite they reproduce: they are forge
 * unit tests, not suites of their own.
 */
export const EXPORTED_TEST_PREFIX = 'VigilRepro_';

/** What kind of suite a compiled contract is, if any (it must be deployable). */
export function suiteKindOf(a: Artifact): Exclude<SuiteKind, 'assertion'> | undefined {
  if (a.bytecode.length <= 2 || a.name.startsWith(EXPORTED_TEST_PREFIX)) return undefined;
  const fns = functions(a);
  if (fns.some((f) => f.inputs.length === 0 && INVARIANT_PREFIXES.some((p) => f.name.startsWith(p)))) return 'foundry';
  if (fns.some((f) => f.name.startsWith('echidna_') && returnsBool(f))) return 'echidna';
  if (fns.some((f) => f.name.startsWith('property_') && returnsBool(f))) return 'medusa';
  return undefined;
}

/**
 * The suites among compiled contracts whose source is one of `sources` (unit names).
 * When a named file holds no suite at all, its deployable contracts with a no-argument
 * constructor and state-changing functions run in assertion mode, as Echidna would.
 */
export function findSuites(compiled: CompileOutput, sources: ReadonlySet<string>, explicitFiles: ReadonlySet<string> = new Set()):
  { source: string; contract: string; kind: SuiteKind }[] {
  const out: { source: string; contract: string; kind: SuiteKind }[] = [];
  for (const a of compiled.artifacts) {
    if (!sources.has(a.source)) continue;
    const kind = suiteKindOf(a);
    if (kind !== undefined) out.push({ source: a.source, contract: a.name, kind });
  }
  for (const source of explicitFiles) {
    if (out.some((s) => s.source === source)) continue;
    for (const a of compiled.artifacts) {
      if (a.source !== source || a.bytecode.length <= 2) continue;
      const ctor = a.abi.find((x) => x.type === 'constructor');
      const noArgs = ctor === undefined || (ctor as { inputs: readonly unknown[] }).inputs.length === 0;
      const mutating = functions(a).some((f) => f.stateMutability !== 'view' && f.stateMutability !== 'pure');
      if (noArgs && mutating) out.push({ source, contract: a.name, kind: 'assertion' });
    }
  }
  return out;
}
