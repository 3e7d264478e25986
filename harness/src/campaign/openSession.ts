import { basename, dirname, resolve } from 'node:path';
import { type AbiFunction, type Hex } from 'viem';
import { TestChain } from '../chain/TestChain.js';
import { hardforkFor } from '../chain/hardforkFor.js';
import { compileSources } from '../compile/compileSources.js';
import { deploySpec } from '../spec/deploySpec.js';
import type { DeployedContract } from '../spec/DeployedContract.js';
import { loadSpec } from '../spec/loadSpec.js';
import { CheckRunner } from '../fuzz/CheckRunner.js';
import { ExecutedCall } from '../fuzz/ExecutedCall.js';
import { selectTargets, typeString } from '../fuzz/selectTargets.js';
import { validatePatterns } from '../fuzz/validatePatterns.js';
import { readCheckInfo } from './readCheckInfo.js';
import { assertionContextFor } from './assertionContextFor.js';
import { seedDictionary } from './seedDictionary.js';
import { definedOnly } from '../config/definedOnly.js';
import type { CallResult } from '../chain/types.js';
import type { CampaignSettings } from './CampaignSettings.js';
import type { SpecSession } from './SpecSession.js';

export interface OpenOptions {
  root: string;
  cacheDir?: string;
  settings: CampaignSettings;
  /** Settings given on the command line: they beat the spec's `fuzz` block. */
  overrides?: Partial<CampaignSettings>;
}

/** Loads a spec, compiles its sources, deploys and sets it up, and prepares its checks. */
export async function openSession(specFile: string, options: OpenOptions): Promise<SpecSession> {
  const file = resolve(specFile);
  const spec = await loadSpec(file);
  const settings = { ...options.settings, ...definedOnly(spec.fuzz ?? {}), ...options.overrides } as CampaignSettings;
  const compiled = await compileSources({
    root: options.root,
    files: spec.sources.map((s) => resolve(dirname(file), s)),
    remappings: [...(spec.remappings ?? [])],
    cacheDir: options.cacheDir,
  });
  const hardfork = hardforkFor(compiled.evmVersion);
  const chain = await TestChain.create({ hardfork, coverage: settings.coverage, assertions: settings.assertions, compares: true, gasLimit: settings.gasLimit });

  const setupWrites: { contract: DeployedContract; fn: string; args: readonly unknown[]; result: CallResult; sender: Hex }[] = [];
  const deployment = await deploySpec(spec, file, compiled, chain, (contract, fn, args, result, sender) =>
    setupWrites.push({ contract, fn, args, result, sender }),
  );
  const targets = selectTargets(deployment);
  validatePatterns(deployment);

  const name = spec.name ?? basename(file).replace(/\.spec\.ts$/, '');
  const checkInfo = await readCheckInfo(file);
  const checks = new CheckRunner(deployment, {
    ...(await assertionContextFor(name, deployment, compiled, chain)),
    locations: new Map([...checkInfo].map(([k, v]) => [k, v.location])),
    assertions: settings.assertions,
    checkTimeoutMs: settings.checkTimeoutMs,
    ...(settings.checkSlot ? { checkSlot: settings.checkSlot } : {}),
  });
  // Ghosts follow the set-up calls too, so every run starts from the same ghost values.
  for (const w of setupWrites) {
    const fn = w.contract.abi.find((x): x is AbiFunction => x.type === 'function' && x.name === w.fn)!;
    const signature = `${fn.name}(${fn.inputs.map(typeString).join(',')})`;
    const target = { contract: w.contract, fn, signature, selector: '0x' as Hex, id: `${w.contract.key}.${fn.name}` };
    checks.observe(new ExecutedCall({ target, args: w.args, data: '0x', sender: w.sender, value: 0n, timeDelta: 0n, blockDelta: 0n }, w.result, deployment.abis, deployment.byAddress));
  }
  checks.commitBaseline();

  const dictionary = seedDictionary(deployment, chain);

  const senders = [...(spec.targets?.senders ?? deployment.actors)].map((s) => s.toLowerCase() as Hex);
  const addressArgs = spec.targets?.addresses ?? 'any';
  return { name, file, spec, compiled, hardfork, chain, deployment, targets, senders, addressArgs, checks, checkInfo, dictionary, base: chain.snapshot(), settings, sourceRoot: resolve(options.root) };
}
