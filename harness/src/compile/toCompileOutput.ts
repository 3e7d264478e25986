import type { Abi, Hex } from 'viem';
import { VigilError } from '../errors/VigilError.js';
import { readDefinitions } from './readDefinitions.js';
import type { Artifact, CompileOutput } from './types.js';

export interface SolcError {
  severity: 'error' | 'warning' | 'info';
  type: string;
  message: string;
  formattedMessage?: string;
  sourceLocation?: { file: string; start: number; end: number };
}

interface SolcContract {
  abi: Abi;
  metadata?: string;
  evm: {
    bytecode: { object: string; sourceMap?: string; linkReferences?: Artifact['linkReferences'] };
    deployedBytecode: { object: string; sourceMap?: string };
  };
}

export interface SolcOutput {
  errors?: SolcError[];
  sources?: Record<string, { id: number; ast?: unknown }>;
  contracts?: Record<string, Record<string, SolcContract>>;
}

/** Turns solc's standard JSON output into artifacts, or throws solc's errors with file:line:col. */
export function toCompileOutput(raw: SolcOutput, version: string, contents: Record<string, string> = {}): CompileOutput {
  const errors = (raw.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw compileError(errors);

  const artifacts: Artifact[] = [];
  let evmVersion = 'unknown';
  for (const [source, contracts] of Object.entries(raw.contracts ?? {})) {
    for (const [name, c] of Object.entries(contracts)) {
      if (c.metadata && evmVersion === 'unknown') evmVersion = JSON.parse(c.metadata).settings?.evmVersion ?? 'unknown';
      artifacts.push({
        name,
        source,
        abi: c.abi,
        bytecode: `0x${c.evm.bytecode.object}` as Hex,
        deployedBytecode: `0x${c.evm.deployedBytecode.object}` as Hex,
        sourceMap: c.evm.bytecode.sourceMap ?? '',
        deployedSourceMap: c.evm.deployedBytecode.sourceMap ?? '',
        linkReferences: c.evm.bytecode.linkReferences ?? {},
      });
    }
  }
  const sources = Object.entries(raw.sources ?? {}).map(([name, s]) => ({ name, id: s.id, content: contents[name] ?? '' }));
  const warnings = (raw.errors ?? []).filter((e) => e.severity === 'warning').map((e) => e.formattedMessage ?? e.message);
  return { compilerVersion: version, evmVersion, artifacts, sources, warnings, definitions: readDefinitions(raw.sources ?? {}) };
}

function compileError(errors: SolcError[]): VigilError {
  const first = errors[0]!;
  const versionProblem = errors.some((e) => /requires different compiler version/.test(e.message));
  const importProblem = errors.some((e) => /File not found|not found:/.test(e.message));
  const code = versionProblem ? 'COMPILER_VERSION' : importProblem ? 'COMPILE_IMPORT' : 'COMPILE_ERROR';
  const meta = errors.flatMap((e) => (e.formattedMessage ?? `${e.type}: ${e.message}`).trimEnd().split('\n'));
  return new VigilError(code, `solc: ${first.type}: ${first.message}`, { meta });
}
