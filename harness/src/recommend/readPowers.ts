import type { AbiFunction, Hex } from 'viem';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { DeployedContract } from '../spec/DeployedContract.js';
import { readView as read } from './readView.js';

/** Addresses that may hold power over a contract, each with what the chain said about it. */
export type Powers = Map<Hex, string[]>;

const HOLDER_GETTERS = /^(owner|admin|guardian|pauser|governance|governor|timelock|emergencyAdmin|pendingOwner|manager|authority)$/;

/**
 * Reads who holds power over `contract` from its getters: `owner()`-like addresses, and for
 * OpenZeppelin AccessControl the holders of each `*_ROLE` among the known addresses
 * (`hasRole`), or all of them when the roles are enumerable (`getRoleMember`); for
 * OpenZeppelin AccessManager the known addresses holding a `uint64` role getter's role
 * (`ADMIN_ROLE`), with their execution delay.
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
  await readManagerRoles(session, contract, fns.filter(view), known, powers, note);
  return powers;
}

/**
 * AccessManager roles are `uint64` ids and `hasRole` also returns the member's execution
 * delay: a member with a delay must schedule, so the note says so (the snapshot trial in
 * `findAuthority` is what decides). PUBLIC_ROLE is everyone and names no holder.
 */
async function readManagerRoles(session: SpecSession, contract: DeployedContract, views: AbiFunction[], known: readonly Hex[], powers: Powers, note: (a: Hex, why: string) => void): Promise<void> {
  const hasRole = views.find((f) => f.name === 'hasRole' && f.inputs.map((i) => i.type).join(',') === 'uint64,address' && f.outputs[0]?.type === 'bool');
  if (hasRole === undefined) return;
  const getters = views.filter((f) => f.inputs.length === 0 && f.outputs.length === 1 && f.outputs[0]!.type === 'uint64' && /_ROLE$/.test(f.name) && f.name !== 'PUBLIC_ROLE');
  for (const g of getters) {
    const role = await read(session, contract, g, []);
    if (typeof role !== 'bigint') continue;
    for (const a of new Set([...known, ...powers.keys()])) {
      const r = await read(session, contract, hasRole, [role, a]);
      const [member, delay] = Array.isArray(r) ? r : [r, undefined];
      if (member !== true) continue;
      const wait = typeof delay === 'number' || typeof delay === 'bigint' ? Number(delay) : 0;
      note(a, `hasRole(${g.name}, ${a}) is (true, ${wait})${wait > 0 ? `: an execution delay of ${wait}s, so it must schedule` : ''}`);
    }
  }
}
