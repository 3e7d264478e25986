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
  /**
   * Contracts, interfaces and libraries as solc's AST defines them: enough to say where a
   * function is written and which function encloses an offset. Absent in outputs built
   * before it existed (a cache entry without it is compiled again).
   */
  definitions?: ContractDefinitionInfo[];
}

/** Offsets are solc's: UTF-8 byte offsets into the source's content (see SourceText). */
export interface ContractDefinitionInfo {
  id: number;
  name: string;
  /** Source unit name. */
  source: string;
  kind: 'contract' | 'interface' | 'library';
  start: number;
  length: number;
  /** This contract's id then its bases', most derived first (C3 linearization). */
  linearized: number[];
  functions: FunctionDefinitionInfo[];
}

export interface FunctionDefinitionInfo {
  /** `constructor`, `fallback` and `receive` for those kinds. */
  name: string;
  kind: 'function' | 'constructor' | 'fallback' | 'receive' | 'modifier' | 'getter';
  /** 8 hex digits, for externally callable functions and public state variables (getters). */
  selector?: string;
  /** False for a declaration without a body (interfaces, abstract functions). */
  implemented: boolean;
  start: number;
  length: number;
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
  /**
   * The solc-js release to compile with: undefined is the bundled `solc` package, `auto` chooses
   * from the `pragma solidity` of every source (imports included, see selectSolcVersion), and a
   * version such as `0.8.26` pins it (checked against the pragmas). Other releases than the
   * bundled one are installed from npm on first use.
   */
  solcVersion?: string;
  /** Compile through the Yul IR pipeline (`via_ir` in foundry.toml). */
  viaIR?: boolean;
  /**
   * Where solc releases are installed (`<solcCacheDir>/solc/<version>/`) and the npm list of
   * releases is kept. Default: `cacheDir`, else `.vigil/cache` under the root.
   */
  solcCacheDir?: string;
}
