import { toFunctionSelector, type Abi, type AbiFunction, type Hex } from 'viem';
import type { Artifact } from '../compile/types.js';
import { VigilError } from '../errors/VigilError.js';
import type { TargetFunction } from '../fuzz/TargetFunction.js';
import { typeString } from '../fuzz/selectTargets.js';
import type { DeployedContract } from '../spec/DeployedContract.js';
import type { TargetConfig } from './readTargetConfig.js';

/** `Name` or `path/File.sol:Name`, as forge's artifact getters write them. */
export function artifactMatches(a: Artifact, name: string): boolean {
  const colon = name.lastIndexOf(':');
  if (colon < 0) return a.name === name;
  return a.name === name.slice(colon + 1) && (a.source === name.slice(0, colon) || a.source.endsWith(`/${name.slice(0, colon)}`));
}

function mutating(abi: Abi): AbiFunction[] {
  return abi.filter((x): x is AbiFunction => x.type === 'function' && x.stateMutability !== 'view' && x.stateMutability !== 'pure');
}

function toTarget(contract: DeployedContract, fn: AbiFunction): TargetFunction {
  const signature = `${fn.name}(${fn.inputs.map(typeString).join(',')})`;
  return { contract, fn, signature, selector: toFunctionSelector(signature) as Hex, id: `${contract.key}.${fn.name}` };
}

export interface NativeTargetInput {
  suite: string;
  config: TargetConfig;
  /** Contracts deployed during set-up, in creation order (the test contract excluded). */
  created: DeployedContract[];
  /** Any known contract by address, for targetContracts / targetSelectors naming others. */
  byAddress: ReadonlyMap<string, DeployedContract>;
  artifacts: readonly Artifact[];
  /** Makes a handle for an address named by targetInterfaces with an interface's ABI. */
  interfaceContract: (address: Hex, artifacts: Artifact[]) => DeployedContract;
}

/**
 * forge's target selection: the contracts set-up created (or `targetContracts()`), narrowed
 * by target/exclude artifacts, contracts and selectors, plus `targetInterfaces()`; only
 * state-changing functions. Every name that matches nothing is an error, never a silent no-op.
 */
export function selectNativeTargets(input: NativeTargetInput): TargetFunction[] {
  const { config, suite } = input;
  const known = (addr: Hex, getter: string): DeployedContract => {
    const c = input.byAddress.get(addr);
    if (c === undefined) {
      throw new VigilError('SPEC_INVALID', `${suite}.${getter}() names ${addr}, which holds no contract compiled here`, {
        hint: 'Name contracts created in setUp(), or list the address with targetInterfaces() and an interface artifact.',
      });
    }
    return c;
  };
  const byArtifact = (name: string, getter: string): Artifact[] => {
    const hits = input.artifacts.filter((a) => artifactMatches(a, name));
    if (hits.length === 0) throw new VigilError('SPEC_INVALID', `${suite}.${getter}() names artifact "${name}", which is not compiled`, { hint: 'Write the contract name, or `path/File.sol:Name`.' });
    return hits;
  };

  let contracts: DeployedContract[] =
    config.targetContracts.length > 0 ? config.targetContracts.map((a) => known(a, 'targetContracts')) : [...input.created];
  if (config.targetArtifacts.length > 0) {
    for (const n of config.targetArtifacts) byArtifact(n, 'targetArtifacts');
    contracts = contracts.filter((c) => config.targetArtifacts.some((n) => artifactMatches(c.artifact, n)));
  }
  for (const n of config.excludeArtifacts) byArtifact(n, 'excludeArtifacts');
  const excluded = new Set(config.excludeContracts);
  contracts = contracts.filter((c) => !excluded.has(c.address) && !config.excludeArtifacts.some((n) => artifactMatches(c.artifact, n)));

  const only = new Map<string, Set<string>>();
  for (const s of config.targetSelectors) {
    const c = known(s.addr, 'targetSelectors');
    if (!contracts.includes(c)) contracts.push(c);
    only.set(c.address, new Set([...(only.get(c.address) ?? []), ...s.selectors.map((x) => x.toLowerCase())]));
  }
  for (const s of config.targetArtifactSelectors) {
    byArtifact(s.artifact, 'targetArtifactSelectors');
    for (const c of contracts.filter((c) => artifactMatches(c.artifact, s.artifact))) {
      only.set(c.address, new Set([...(only.get(c.address) ?? []), ...s.selectors.map((x) => x.toLowerCase())]));
    }
  }
  for (const i of config.targetInterfaces) {
    const c = input.interfaceContract(i.addr, i.artifacts.flatMap((n) => byArtifact(n, 'targetInterfaces')));
    contracts = contracts.filter((x) => x.address !== c.address);
    contracts.push(c);
  }
  const without = new Map<string, Set<string>>();
  for (const s of config.excludeSelectors) {
    known(s.addr, 'excludeSelectors');
    without.set(s.addr, new Set([...(without.get(s.addr) ?? []), ...s.selectors.map((x) => x.toLowerCase())]));
  }

  const targets: TargetFunction[] = [];
  for (const c of contracts) {
    const fns = mutating(c.abi).map((fn) => toTarget(c, fn));
    const allowed = only.get(c.address);
    for (const sel of allowed ?? []) {
      if (!fns.some((t) => t.selector === sel)) {
        throw new VigilError('SPEC_INVALID', `${suite}: selector ${sel} of ${c.name} (targetSelectors) is not a state-changing function of it`, {
          hint: 'Use `this.fn.selector` of an external non-view function of the target.',
        });
      }
    }
    targets.push(...fns.filter((t) => (allowed === undefined || allowed.has(t.selector)) && !without.get(c.address)?.has(t.selector)));
  }
  if (targets.length === 0) {
    throw new VigilError('SPEC_INVALID', `${suite}: no function to call (no contract created in setUp() has a state-changing function, or the target getters exclude them all)`, {
      hint: 'Create the contracts under test (or a handler) in setUp(), or name them with targetContract(address).',
    });
  }
  return targets;
}
