import type { Hardfork } from '@ethereumjs/common';
import type { Hex } from 'viem';
import { TestChain } from '../chain/TestChain.js';
import { assertionContextFor } from '../campaign/assertionContextFor.js';
import { seedDictionary } from '../campaign/seedDictionary.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import { CheckRunner } from '../fuzz/CheckRunner.js';
import { selectTargets } from '../fuzz/selectTargets.js';
import { DEFAULT_DEPLOYER } from '../spec/defaults.js';
import type { Deployment } from '../spec/deploySpec.js';
import { ForkBacking, type ForkKeys } from './ForkBacking.js';
import type { JsonRpc } from './JsonRpc.js';
import type { MonitorTarget } from './MonitorTarget.js';
import type { SyncRpc } from './SyncRpc.js';

export interface ForkBlock {
  number: bigint;
  timestamp: bigint;
}

export interface Fork {
  session: SpecSession;
  backing: ForkBacking;
}

/**
 * The spec as a session over a fork of the live chain at the end of `block`: the same
 * TestChain, handles and CheckRunner a campaign uses, with state loaded from the node on
 * first read instead of deployed. Nothing is set up; `actors` are the addresses the
 * monitor has seen (and those given), so `forall(actors, …)` ranges over real accounts.
 */
export async function openFork(
  target: MonitorTarget,
  block: ForkBlock,
  holders: readonly Hex[],
  rpc: { sync: SyncRpc; async: JsonRpc },
  prefetch?: ForkKeys,
): Promise<Fork> {
  const backing = new ForkBacking(rpc.sync, block.number);
  if (prefetch !== undefined) await backing.prefetch(prefetch, rpc.async);
  const chain = await TestChain.create({
    hardfork: target.hardfork as Hardfork,
    assertions: target.settings.assertions,
    compares: true,
    gasLimit: target.settings.gasLimit,
    block: { number: block.number, timestamp: block.timestamp },
    backing,
  });
  const deployment: Deployment = {
    spec: target.spec,
    specFile: target.file,
    chain,
    contracts: target.contracts,
    byAddress: new Map(target.contracts.map((c) => [c.address.toLowerCase(), c])),
    actors: [...holders],
    deployer: (target.spec.deployer ?? DEFAULT_DEPLOYER).toLowerCase() as Hex,
    abis: target.contracts.map((c) => c.abi),
  };
  const checks = new CheckRunner(deployment, {
    ...(await assertionContextFor(target.name, deployment, target.compiled, chain)),
    locations: new Map([...target.checkInfo].map(([k, v]) => [k, v.location])),
    assertions: target.settings.assertions,
  });
  const session: SpecSession = {
    name: target.name,
    file: target.file,
    spec: target.spec,
    compiled: target.compiled,
    hardfork: target.hardfork,
    chain,
    deployment,
    targets: selectTargets(deployment),
    senders: [...holders],
    addressArgs: target.spec.targets?.addresses ?? 'any',
    checks,
    checkInfo: target.checkInfo,
    dictionary: seedDictionary(deployment, chain),
    base: chain.snapshot(),
    settings: target.settings,
  };
  return { session, backing };
}
