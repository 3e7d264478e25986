import { encodeFunctionData, type AbiFunction, type Hex } from 'viem';
import { VigilError } from '../errors/VigilError.js';
import { isAddressOf } from '../spec/addressOf.js';
import { findLine } from '../spec/findLine.js';
import type { CallDecl, ContractsDecl } from '../spec/types.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { DeployedContract } from '../spec/DeployedContract.js';

export interface ResolvedCall {
  contract: DeployedContract;
  fn: AbiFunction;
  args: unknown[];
  data: Hex;
}

/**
 * A call a spec declares (`{ call: 'market.setFrozen', args: [addressOf('gold'), true] }`)
 * as calldata for this deployment. `path` names it in errors (`levers.freezeGold`).
 */
export function resolveCall(session: SpecSession, decl: CallDecl<ContractsDecl>, path: string): ResolvedCall {
  const [key, name] = String(decl.call).split('.') as [string, string];
  const at = `at ${findLine(session.file, String(decl.call))}`;
  const contract = session.deployment.contracts.find((c) => c.key === key);
  if (contract === undefined) {
    throw new VigilError('SPEC_INVALID', `${path}.call: no contract "${key}" in the spec`, { meta: [at] });
  }
  const args = (decl.args ?? []).map((a) => resolveArg(session, a, path, at));
  const fns = contract.abi.filter((f): f is AbiFunction => f.type === 'function' && f.name === name);
  const fn = fns.find((f) => f.inputs.length === args.length);
  if (fn === undefined) {
    throw new VigilError('SPEC_UNKNOWN_FUNCTION', fns.length === 0
      ? `${path}.call: ${contract.name} has no function "${name}"`
      : `${path}.args: ${contract.name}.${name} takes ${fns.map((f) => f.inputs.length).join(' or ')} arguments, got ${args.length}`, { meta: [at] });
  }
  try {
    return { contract, fn, args, data: encodeFunctionData({ abi: [fn], functionName: fn.name, args }) };
  } catch (e) {
    throw new VigilError('SPEC_BAD_ARGS', `${path}.args do not fit ${contract.name}.${name}(${fn.inputs.map((i) => i.type).join(',')}): ${(e as { shortMessage?: string }).shortMessage ?? (e as Error).message}`, { meta: [at] });
  }
}

function resolveArg(session: SpecSession, a: unknown, path: string, at: string): unknown {
  if (Array.isArray(a)) return a.map((x) => resolveArg(session, x, path, at));
  if (!isAddressOf(a)) return a;
  const target = session.deployment.contracts.find((c) => c.key === a.key);
  if (target === undefined) throw new VigilError('SPEC_INVALID', `${path}.args: addressOf('${a.key}') names no contract of the spec`, { meta: [at] });
  return target.address;
}

/** Calldata for a function found in an ABI, with arguments a rule chose. */
export function encodeFor(contract: DeployedContract, fn: AbiFunction, args: readonly unknown[]): ResolvedCall {
  return { contract, fn, args: [...args], data: encodeFunctionData({ abi: [fn], functionName: fn.name, args }) };
}
