import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The stack, memory and run state as @ethereumjs/evm's opcode functions see them. */
export interface RunState {
  code: Uint8Array;
  programCounter: number;
  opCode: number;
  memoryWordCount: bigint;
  highestMemCost: bigint;
  gasLeft: bigint;
  stack: {
    peek(n?: number): bigint[];
    pop(): bigint;
    popN(n: number): bigint[];
    push(v: bigint): void;
  };
  memory: { write(offset: number, size: number, value: Uint8Array): void; read(offset: number, size: number, avoidCopy?: boolean): Uint8Array };
  env: { address: { bytes: Uint8Array }; contract: unknown; eof?: unknown };
  interpreter: {
    isStatic(): boolean;
    getReturnDataSize(): bigint;
    storageLoad(key: Uint8Array): Promise<Uint8Array>;
    log(data: Uint8Array, topicCount: number, topics: Uint8Array[]): void;
  };
}

export interface CommonLike {
  param(name: string): bigint;
  isActivatedEIP(eip: number): boolean;
  gteHardfork(hardfork: string): boolean;
}

/** The internal helpers of @ethereumjs/evm (not in its public exports) the fast opcodes reuse. */
export interface EvmInternals {
  Interpreter: new (...args: unknown[]) => object;
  Memory: new () => { _store: Uint8Array };
  Stack: new () => object;
  subMemUsage(rs: RunState, offset: bigint, length: bigint, common: CommonLike): bigint;
  divCeil(a: bigint, b: bigint): bigint;
  trap(error: string): never;
}

let loaded: Promise<EvmInternals> | undefined;

/**
 * Imports modules of the pinned @ethereumjs/evm by file (its package exports only the
 * index). They are the same module instances the EVM itself uses, so gas rules and
 * error objects stay exactly the library's.
 */
export function loadEvmInternals(): Promise<EvmInternals> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<EvmInternals> {
  const require = createRequire(import.meta.url);
  const esmDir = join(dirname(require.resolve('@ethereumjs/evm')), '..', 'esm');
  const load = (file: string) => import(pathToFileURL(join(esmDir, file)).href) as Promise<Record<string, unknown>>;
  const [interpreter, memory, stack, util] = await Promise.all([
    load('interpreter.js'),
    load('memory.js'),
    load('stack.js'),
    load('opcodes/util.js'),
  ]);
  return {
    Interpreter: interpreter.Interpreter as EvmInternals['Interpreter'],
    Memory: memory.Memory as EvmInternals['Memory'],
    Stack: stack.Stack as EvmInternals['Stack'],
    subMemUsage: util.subMemUsage as EvmInternals['subMemUsage'],
    divCeil: util.divCeil as EvmInternals['divCeil'],
    trap: util.trap as EvmInternals['trap'],
  };
}
