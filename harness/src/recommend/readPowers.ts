import { decodeFunctionResult, encodeFunctionData, type AbiFunction, type Hex } from 'viem';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { DeployedContract } from '../spec/DeployedContract.js';

/** Addresses that may hold power over a contract, each with what the chain said about it. */
export type Powers = Map<Hex, string[]>;

const HOLDER_GETTERS = /^(owner|admin|guardian|pauser|governance|governor|timelock|emergencyAdmin|pendingOwner|manager|authority)$/;

/**
 * Reads who holds power over `contract` from its getters: `owner()`-like addresses, and for
 * OpenZeppelin AccessControl the holders of each `*_ROLE` among the known addresses
 * (`hasRole`), or all of them when the roles are enumerable (`getRoleMember`).
 */
export async function readPowers(session: SpecSession, contract: DeployedContract, known: readonly Hex[]): Promise<Powers> {
  const powers: Powers = new Map();
  const note = (a: Hex, why: string) => {
    const key = a.toLowerCase() as Hex;
    if (/^0x0{40}$/.test(key)) return;
    powers.set(key, [...(powers.get(key) ?? []), why]);
  };
  const fns = contract.abi.filter((f): f is AbiFunction => f.type === 'function');
  const view = (f: AbiFunction) => f.stateMutability === 'view' || f.stateMutability === 'pure';
  const byName = (name: string, inputs: string) => fns.find((f) => f.name === name && view(f) && f.inputs.map((i) => i.type).join(',') === inputs);

  for (const f of fns.filter((f) => view(f) && f.inputs.length === 0 && f.outputs.length === 1 && f.outputs[0]!.type === 'address' && HOLDER_GETTERS.test(f.name))) {
    const a = await read(session, contract, f, []);
    if (typeof a === 'string') note(a as Hex, `${f.name}() returns ${a.toLowerCase()}`);
  }
  const hasRole = byName('hasRole', 'bytes32,address');
  const roleGetters = fns.filter((f) => view(f) && f.inputs.length === 0 && f.outputs.length === 1 && f.outputs[0]!.type === 'bytes32' && /_ROLE$/.test(f.name));
  const count = byName('getRoleMemberCount', 'bytes32');
  const member = byName('getRoleMember', 'bytes32,uint256');
  for (const g of roleGetters) {
    const role = await read(session, contract, g, []);
    if (typeof role !== 'string') continue;
    if (count && member) {
      const n = await read(session, contract, count, [role]);
      for (let i = 0n; typeof n === 'bigint' && i < n && i < 64n; i++) {
        const a = await read(session, contract, member, [role, i]);
        if (typeof a === 'string') note(a as Hex, `holds ${g.name} (getRoleMember(${g.name}, ${i}))`);
      }
    } else if (hasRole) {
      for (const a of new Set([...known, ...powers.keys()])) {
        if ((await read(session, contract, hasRole, [role, a])) === true) note(a, `hasRole(${g.name}, ${a}) is true`);
      }
    }
  }
  return powers;
}

async function read(session: SpecSession, contract: DeployedContract, fn: AbiFunction, args: unknown[]): Promise<unknown> {
  const data = encodeFunctionData({ abi: [fn], functionName: fn.name, args });
  const r = await session.chain.staticCall({ from: session.deployment.deployer, to: contract.address, data });
  if (r.status !== 'success') return undefined;
  try {
    return decodeFunctionResult({ abi: [fn], functionName: fn.name, data: r.returnData });
  } catch {
    return undefined;
  }
}
