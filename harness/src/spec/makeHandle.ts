import { decodeFunctionResult, encodeFunctionData, type Abi, type AbiFunction, type Hex } from 'viem';
import { VigilError } from '../errors/VigilError.js';
import { decodeRevert } from '../abi/decodeRevert.js';
import { lowercaseAddresses } from '../abi/lowercaseAddresses.js';
import type { TestChain } from '../chain/TestChain.js';
import type { CallResult } from '../chain/types.js';
import type { DeployedContract } from './DeployedContract.js';
import { locateInStack } from './locateInStack.js';

export type HandleMode = 'write' | 'view' | 'pre';

/** Thrown when a view call inside a check reverts: the check fails with this reason. */
export class ViewCallReverted extends Error {
  constructor(readonly call: string, readonly reason: string) {
    super(`${call} reverted: ${reason}`);
  }
}

/** A view call made by a check that was already stopped (it timed out and is still running). */
export class ChecksStopped extends Error {
  constructor(readonly call: string) {
    super(`${call}: the checks were stopped`);
  }
}

/** A call that succeeded but answered with bytes its ABI outputs cannot be read from. */
export class MalformedReturnData extends Error {
  constructor(readonly call: string, outputs: string, returnData: Hex) {
    const size = (returnData.length - 2) / 2;
    const shown = returnData.length > 66 ? `${returnData.slice(0, 66)}…` : returnData;
    super(`${call} returned ${size} byte${size === 1 ? '' : 's'} (${shown}) that do not decode as (${outputs})`);
  }
}

/** Decodes an answer, naming the call and the bytes when they do not fit its outputs. */
function decodeAnswer(label: string, contract: DeployedContract, name: string, args: unknown[], returnData: Hex): unknown {
  try {
    return lowercaseAddresses(decodeFunctionResult({ abi: contract.abi, functionName: name, args, data: returnData }));
  } catch {
    const fn = contract.abi.find((f): f is AbiFunction => f.type === 'function' && f.name === name && f.inputs.length === args.length);
    throw new MalformedReturnData(`${label}()`, (fn?.outputs ?? []).map((o) => o.type).join(','), returnData);
  }
}

export interface HandleEnv {
  /** True once the checks were stopped (a check timed out): a check still running must not read on. */
  stopped?: () => boolean;
  chain: TestChain;
  specFile: string;
  /** Every ABI of the spec, for naming custom errors. */
  abis: readonly Abi[];
  /** Fires after each state-changing call a write handle makes (ghosts, dictionary). */
  onWrite?: (contract: DeployedContract, fn: string, args: readonly unknown[], result: CallResult, sender: Hex) => void;
}

const INFO_KEYS = new Set(['address', 'contractName', 'abi', 'then', 'toJSON']);

/**
 * A contract handle: one method per ABI function. `write` handles send transactions
 * (set-up), `view` handles make static calls on the current state, `pre` handles on the
 * state before the last call (for `old(...)` in properties).
 * Unknown names and ill-typed arguments fail with the spec's file:line.
 */
export function makeHandle(env: HandleEnv, contract: DeployedContract, mode: HandleMode, sender: Hex): Record<string, unknown> {
  const functions = contract.abi.filter((x): x is AbiFunction => x.type === 'function');
  const names = new Set(functions.map((f) => f.name));
  const info: Record<string, unknown> = { address: contract.address, contractName: contract.name, abi: contract.abi };
  const cache = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const codec = new ViewCodec();

  return new Proxy(info, {
    get(target, prop) {
      if (typeof prop !== 'string' || INFO_KEYS.has(prop)) return target[prop as string];
      const known = cache.get(prop);
      if (known) return known;
      const name = prop.includes('(') ? prop.slice(0, prop.indexOf('(')) : prop;
      if (!names.has(name)) {
        const location = locateInStack(new Error().stack, env.specFile);
        throw new VigilError('SPEC_UNKNOWN_FUNCTION', `${contract.key}.${prop} is not a function of ${contract.name}`, {
          meta: [...(location ? [`at ${location}`] : []), `functions: ${[...names].sort().join(', ')}`],
        });
      }
      const fn = (...args: unknown[]) => invoke(env, contract, mode, sender, name, args, functions, codec);
      cache.set(prop, fn);
      return fn;
    },
  });
}

async function invoke(
  env: HandleEnv,
  contract: DeployedContract,
  mode: HandleMode,
  sender: Hex,
  name: string,
  args: unknown[],
  functions: AbiFunction[],
  codec: ViewCodec,
): Promise<unknown> {
  if (env.stopped?.()) throw new ChecksStopped(`${contract.key}.${name}`);
  if (mode !== 'write') {
    // Checks encode the same view calls after every step: reuse the calldata and decoded answers.
    const data = codec.calldata(contract, name, args);
    if (data !== undefined) {
      const result = mode === 'pre'
        ? await env.chain.readPreState(() => env.chain.staticCall({ from: sender, to: contract.address, data }))
        : await env.chain.staticCall({ from: sender, to: contract.address, data });
      if (result.status !== 'success') {
        const reason = result.status === 'halt' ? `halted: ${result.error}` : decodeRevert(result.returnData, env.abis).text;
        throw new ViewCallReverted(`${contract.key}.${name}`, reason);
      }
      return codec.decode(contract, name, args, data, result.returnData);
    }
  }
  const label = `${contract.key}.${name}`;
  // Taken before any await, while the spec's frame is still on the stack; only set-up pays for it.
  const where = mode === 'write' ? locateInStack(new Error().stack, env.specFile) : undefined;
  const at = where ? [`at ${where}`] : [];
  let data: Hex;
  try {
    data = encodeFunctionData({ abi: contract.abi, functionName: name, args });
  } catch (e) {
    const location = where ?? locateInStack(new Error().stack, env.specFile);
    const candidates = functions.filter((f) => f.name === name);
    const overloads = candidates.map((f) => `${f.name}(${f.inputs.map((i) => i.type).join(',')})`);
    // viem's count mismatch is a multi-line table; one line says it better.
    const counts = [...new Set(candidates.map((f) => f.inputs.length))];
    const reason = counts.includes(args.length)
      ? (e as { shortMessage?: string }).shortMessage ?? (e as Error).message
      : `${name} takes ${counts.join(' or ')} argument${counts.length === 1 && counts[0] === 1 ? '' : 's'}, ${args.length} given`;
    throw new VigilError('SPEC_BAD_ARGS', `${label}(${args.map(show).join(', ')}): ${reason}`, {
      meta: [...(location ? [`at ${location}`] : []), `expected: ${overloads.join(' | ')}`],
    });
  }
  const abiFn = functions.find((f) => f.name === name)!;
  const readOnly = abiFn.stateMutability === 'view' || abiFn.stateMutability === 'pure';
  if (mode !== 'write' && !readOnly) {
    throw new VigilError('SPEC_INVALID', `${label} changes state and cannot be called in a check`, {
      meta: at,
      hint: 'Checks may call only view and pure functions; move state changes into `setup` or the fuzzed targets.',
    });
  }
  const request = { from: sender, to: contract.address, data };
  const result =
    mode === 'write' && !readOnly
      ? await env.chain.call(request)
      : mode === 'pre'
        ? await env.chain.readPreState(() => env.chain.staticCall(request))
        : await env.chain.staticCall(request);
  if (result.status !== 'success') {
    const reason = result.status === 'halt' ? `halted: ${result.error}` : decodeRevert(result.returnData, env.abis).text;
    if (mode === 'write') {
      throw new VigilError('SETUP_REVERTED', `${label}(${args.map(show).join(', ')}) from ${sender} reverted: ${reason}`, {
        meta: at,
      });
    }
    throw new ViewCallReverted(label, reason);
  }
  if (mode === 'write' && !readOnly) env.onWrite?.(contract, name, args, result, sender);
  return decodeAnswer(label, contract, name, args, result.returnData);
}

function show(v: unknown): string {
  return typeof v === 'bigint' ? `${v}n` : JSON.stringify(v) ?? String(v);
}

const MAX_MEMO = 20_000;

/** Memoised ABI encoding of view calls and decoding of their answers, per handle. */
class ViewCodec {
  private readonly data = new Map<string, Hex>();
  private readonly decoded = new Map<string, unknown>();
  private readonly shapes = new Map<string, 'uint' | 'bool' | 'address' | 'other'>();

  /** The kind of a function's only output when it is one static word, else undefined. */
  singleWord(contract: DeployedContract, name: string, arity: number): 'uint' | 'bool' | 'address' | undefined {
    const key = `${name}/${arity}`;
    let shape = this.shapes.get(key);
    if (shape === undefined) {
      const fns = contract.abi.filter((x): x is AbiFunction => x.type === 'function' && x.name === name && x.inputs.length === arity);
      const out = fns.length === 1 && fns[0]!.outputs.length === 1 ? fns[0]!.outputs[0]!.type : '';
      shape = /^uint\d*$/.test(out) ? 'uint' : out === 'bool' ? 'bool' : out === 'address' ? 'address' : 'other';
      this.shapes.set(key, shape);
    }
    return shape === 'other' ? undefined : shape;
  }

  /** The calldata for a view call, or undefined if it must take the checked path (first use, odd args). */
  calldata(contract: DeployedContract, name: string, args: unknown[]): Hex | undefined {
    const key = keyOf(name, args);
    if (key === undefined) return undefined;
    let data = this.data.get(key);
    if (data === undefined) {
      const fn = contract.abi.find((x): x is AbiFunction => x.type === 'function' && x.name === name && x.inputs.length === args.length);
      if (fn === undefined || (fn.stateMutability !== 'view' && fn.stateMutability !== 'pure')) return undefined;
      try {
        data = encodeFunctionData({ abi: contract.abi, functionName: name, args });
      } catch {
        return undefined;
      }
      if (this.data.size >= MAX_MEMO) this.data.clear();
      this.data.set(key, data);
    }
    return data;
  }

  decode(contract: DeployedContract, name: string, args: unknown[], data: Hex, returnData: Hex): unknown {
    // Most views return one word (a balance, a flag, an owner): read it directly.
    const single = this.singleWord(contract, name, args.length);
    if (single !== undefined && returnData.length === 66) {
      if (single === 'uint') return BigInt(returnData);
      if (single === 'bool') return BigInt(returnData) !== 0n;
      if (single === 'address') return `0x${returnData.slice(26)}`;
    }
    const key = `${data}|${returnData}`;
    if (this.decoded.has(key)) return this.decoded.get(key);
    const value = decodeAnswer(`${contract.key}.${name}`, contract, name, args, returnData);
    if (this.decoded.size >= MAX_MEMO) this.decoded.clear();
    // Only immutable answers are shared; arrays and structs are decoded afresh each time.
    if (typeof value !== 'object' || value === null) this.decoded.set(key, value);
    return value;
  }
}

function keyOf(name: string, args: unknown[]): string | undefined {
  let key = name;
  for (const a of args) {
    if (typeof a === 'bigint') key += `|${a}n`;
    else if (typeof a === 'string') key += `|${a}`;
    else if (typeof a === 'boolean') key += `|${a}`;
    else return undefined;
  }
  return key;
}
