import type { Abi, Hex } from 'viem';

/** One compiled contract, as the rest of Vigil sees it. */
export interface Artifact {
  name: string;
  /** Source unit name, relative to the project root (e.g. `targets/token/Token.sol`). */
  source: string;
  abi: Abi;
  bytecode: Hex;
  deployedBytecode: Hex;
  sourceMap: string;
  deployedSourceMap: string;
  /** Unlinked library placeholders: a bytecode with these cannot deploy as is. */
  linkReferences: Record<string, Record<string, { start: number; length: number }[]>>;
}

export interface CompileOutput {
  compilerVersion: string;
  evmVersion: string;
  artifacts: Artifact[];
  /** Source unit name → id (for source maps) and content (for line numbers). */
  sources: { name: string; id: number; content: string }[];
  warnings: string[];
}

export interface CompileRequest {
  /** Project root: source unit names and node_modules lookups start here. */
  root: string;
  /** Entry files, absolute or relative to root. */
  files: string[];
  remappings?: string[];
  optimizer?: { enabled: boolean; runs: number };
  evmVersion?: string;
  /** Where artifacts are cached; undefined disables the cache. */
  cacheDir?: string;
}
