import { toFunctionSelector, type AbiFunction, type Hex } from 'viem';
import { formatValue } from '../abi/decodeRevert.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { DeployedContract } from '../spec/DeployedContract.js';
import type { CallDecl, ContractsDecl, LeverKind } from '../spec/types.js';
import { findAuthority } from './findAuthority.js';
import { leverRank } from './leverRank.js';
import { leverRules, type RuleCall } from './leverRules.js';
import { readPowers, type Powers } from './readPowers.js';
import { readView } from './readView.js';
import { encodeFor, resolveCall, type ResolvedCall } from './resolveCall.js';
import type { Lever, LeverCall } from './types.js';

/** A lever ready to pull on the in-process chain. */
export interface CataloguedLever {
  lever: Lever;
  call: ResolvedCall & { from: Hex };
  undo?: ResolvedCall & { from?: Hex };
  /** `address:selector` of the lever's and its undo's functions: privileged, so kept out of re-fuzzing. */
  functions: string[];
}

interface Proposal {
  id: string;
  kind: LeverKind;
  source: Lever['source'];
  call: ResolvedCall;
  undo?: ResolvedCall;
  precondition?: RuleCall['precondition'];
  from?: Hex;
}

/**
 * Every lever of the spec's contracts, from its `levers` declarations and from the shapes in
 * `leverRules`, each with who may pull it and undo it, established on the current state
 * (the session's baseline: the state before the attack).
 */
export async function catalogLevers(session: SpecSession): Promise<{ levers: CataloguedLever[]; skipped: { name: string; reason: string }[] }> {
  const { spec, deployment } = session;
  session.chain.revertTo(session.base);
  const skipped: { name: string; reason: string }[] = [];
  const proposals: Proposal[] = [];
  const declared = Object.entries(spec.levers ?? {});
  for (const [name, decl] of declared) {
    const call = resolveCall(session, decl, `levers.${name}`);
    const undoDecl: CallDecl<ContractsDecl> | undefined = typeof decl.undo === 'string' ? { call: decl.undo, args: decl.args } : decl.undo;
    proposals.push({
      id: name, kind: decl.kind, source: 'spec', call,
      ...(undoDecl ? { undo: resolveCall(session, undoDecl, `levers.${name}.undo`) } : {}),
      ...(decl.from ? { from: decl.from.toLowerCase() as Hex } : {}),
      ...(decl.kind === 'pause-contract' && hasView(call.contract, 'paused') ? { precondition: { fn: 'paused', args: [] } } : {}),
    });
  }
  const declaredFns = new Set(proposals.map((p) => key(p.call.contract, p.call.fn)));
  const seen = new Set(proposals.map((p) => `${p.call.contract.address}:${p.call.data}`));
  const authorities = await readAuthorities(session);
  for (const contract of deployment.contracts) {
    const fns = contract.abi.filter((f): f is AbiFunction => f.type === 'function' && f.stateMutability !== 'view' && f.stateMutability !== 'pure');
    const names = new Set(contract.abi.filter((f): f is AbiFunction => f.type === 'function').map((f) => f.name));
    for (const fn of fns) {
      const rule = leverRules.find((r) => r.match(fn));
      if (rule === undefined) continue;
      if (rule.needsValue !== undefined) {
        if (!declaredFns.has(key(contract, fn))) skipped.push({ name: `${contract.key}.${fn.name}`, reason: rule.needsValue });
        continue;
      }
      const others = deployment.contracts.filter((c) => c !== contract).map((c) => c.address);
      const selectorsOf = (t: Hex) => session.targets.filter((x) => x.contract.address === t).map((x) => x.selector);
      const managed = authorities.size === 0 ? others : others.filter((a) => authorities.get(a) === contract.address.toLowerCase());
      const read = async (name: string, args: unknown[]) => {
        const view = functionNamed(contract, name, args.length);
        return view === undefined ? undefined : readView(session, contract, view, args);
      };
      for (const rc of await rule.calls({ fn, has: (n) => names.has(n), others, selectorsOf, managed, read })) {
        const call = encodeFor(contract, fn, rc.args);
        if (seen.has(`${contract.address}:${call.data}`)) continue;
        seen.add(`${contract.address}:${call.data}`);
        const undoFn = rc.undo && functionNamed(contract, rc.undo.fn, rc.undo.args.length);
        proposals.push({
          id: `${contract.key}.${fn.name}(${rc.args.map((a) => argLabel(session, a)).join(',')})`,
          kind: rule.kind, source: 'abi', call,
          ...(undoFn ? { undo: encodeFor(contract, undoFn, rc.undo!.args) } : {}),
          ...(rc.precondition ? { precondition: rc.precondition } : {}),
        });
      }
    }
  }

  const known = knownAddresses(session);
  const powersOf = new Map<DeployedContract, Powers>();
  const levers: CataloguedLever[] = [];
  for (const p of proposals) {
    let powers = powersOf.get(p.call.contract);
    if (powers === undefined) powersOf.set(p.call.contract, (powers = await readPowers(session, p.call.contract, known)));
    const candidates = unique([...(p.from ? [p.from] : []), ...powers.keys(), ...known]);
    const found = await findAuthority(session, p.call, candidates, powers, p.from);
    if (found.authority.signer === undefined) {
      skipped.push({ name: p.id, reason: `reverts from every candidate (${candidates.length} tried): ${found.failure ?? 'no candidate'}` });
      continue;
    }
    const from = found.authority.signer as Hex;
    const undoFound = p.undo && await findAuthority(session, p.undo, candidates, powers, undefined, { ...p.call, from });
    const preconditions = [
      ...(p.precondition ? [await readPrecondition(session, p.call.contract, p.precondition)] : []),
      { description: `sends without reverting from ${from} on the state before the attack`, holds: true },
    ];
    levers.push({
      lever: {
        id: p.id, kind: p.kind, rank: leverRank[p.kind], source: p.source,
        call: toLeverCall(session, p.call), authority: found.authority,
        ...(p.undo && undoFound ? { undo: { call: toLeverCall(session, p.undo), authority: undoFound.authority } } : {}),
        preconditions,
      },
      call: { ...p.call, from },
      ...(p.undo ? { undo: { ...p.undo, ...(undoFound?.authority.signer ? { from: undoFound.authority.signer as Hex } : {}) } } : {}),
      functions: [key(p.call.contract, p.call.fn), ...(p.undo ? [key(p.undo.contract, p.undo.fn)] : [])],
    });
  }
  return { levers, skipped };
}

/** The accounts whose power is worth checking: actors, senders, the deployer, declared and scenario senders. */
function knownAddresses(session: SpecSession): Hex[] {
  const { spec, deployment } = session;
  const declared = Object.values(spec.levers ?? {}).flatMap((l) => (l.from ? [l.from] : []));
  const scenario = Object.values(spec.scenarios ?? {}).flatMap((steps) => steps.map((s) => s.from));
  return unique([...deployment.actors, ...session.senders, deployment.deployer, ...declared, ...scenario].map((a) => a.toLowerCase() as Hex));
}

/** Each contract's `authority()` (OpenZeppelin AccessManaged), lower-cased, for those that have one. */
async function readAuthorities(session: SpecSession): Promise<Map<Hex, string>> {
  const out = new Map<Hex, string>();
  for (const c of session.deployment.contracts) {
    const fn = functionNamed(c, 'authority', 0);
    if (fn === undefined || fn.outputs.length !== 1 || fn.outputs[0]!.type !== 'address') continue;
    const a = await readView(session, c, fn, []);
    if (typeof a === 'string') out.set(c.address, a.toLowerCase());
  }
  return out;
}

async function readPrecondition(session: SpecSession, contract: DeployedContract, pre: NonNullable<RuleCall['precondition']>): Promise<Lever['preconditions'][number]> {
  const fn = functionNamed(contract, pre.fn, pre.args.length);
  const label = `${pre.fn}(${pre.args.map((a) => argLabel(session, a)).join(', ')})`;
  const wanted = 'not' in pre ? `is not ${formatValue(pre.not)}` : 'is false';
  if (fn === undefined) return { description: `${label} ${wanted}`, holds: false };
  const value = await readView(session, contract, fn, pre.args);
  const holds = value !== undefined && ('not' in pre ? value !== pre.not : value === false);
  return { description: `${label} ${wanted} (now ${value === undefined ? 'unreadable' : formatValue(value)})`, holds };
}

export function toLeverCall(session: SpecSession, call: ResolvedCall, value = 0n): LeverCall {
  return {
    contract: call.contract.key,
    address: call.contract.address,
    signature: `${call.fn.name}(${call.fn.inputs.map((i) => i.type).join(',')})`,
    function: call.fn.name,
    args: call.args.map((a) => formatValue(a)),
    inputs: call.fn.inputs.map((i, k) => ({ name: i.name || `arg${k}`, type: i.type, internalType: (i as { internalType?: string }).internalType ?? i.type })),
    calldata: call.data,
    value: value.toString(),
  };
}

/** A contract of the spec by its key, else the value as printed. */
function argLabel(session: SpecSession, a: unknown): string {
  if (typeof a === 'string') return session.deployment.byAddress.get(a.toLowerCase())?.key ?? a;
  return formatValue(a);
}

function functionNamed(contract: DeployedContract, name: string, arity: number): AbiFunction | undefined {
  return contract.abi.find((f): f is AbiFunction => f.type === 'function' && f.name === name && f.inputs.length === arity);
}

function hasView(contract: DeployedContract, name: string): boolean {
  return functionNamed(contract, name, 0)?.outputs.length === 1;
}

function key(contract: DeployedContract, fn: AbiFunction): string {
  return `${contract.address}:${toFunctionSelector(fn)}`;
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
