import { basename, dirname, resolve } from 'node:path';
import { isAddress, type Hex } from 'viem';
import { compileSources } from '../compile/compileSources.js';
import { hardforkFor } from '../chain/hardforkFor.js';
import { defaultSettings } from '../campaign/CampaignSettings.js';
import { readCheckInfo } from '../campaign/readCheckInfo.js';
import { definedOnly } from '../config/definedOnly.js';
import { VigilError } from '../errors/VigilError.js';
import { loadSpec } from '../spec/loadSpec.js';
import type { DeployedContract } from '../spec/DeployedContract.js';
import type { MonitorTarget } from './MonitorTarget.js';

/**
 * Loads and compiles the spec and binds each of its contract keys to the address given
 * (`token=0x…`). Every key needs one; a name the spec does not declare is an error.
 */
export async function loadMonitorTarget(specFile: string, addresses: Record<string, string>, options: { root: string; cacheDir?: string }): Promise<MonitorTarget> {
  const file = resolve(specFile);
  const spec = await loadSpec(file);
  const keys = Object.keys(spec.contracts);
  const problems: string[] = [];
  for (const [name, address] of Object.entries(addresses)) {
    if (!keys.includes(name)) problems.push(`--address ${name}=…: the spec has no contract "${name}" (it has: ${keys.join(', ')})`);
    else if (!isAddress(address, { strict: false })) problems.push(`--address ${name}=${address}: not a 20-byte hex address`);
  }
  for (const key of keys) if (addresses[key] === undefined) problems.push(`contracts.${key}: no --address ${key}=0x… given`);
  if (problems.length > 0) {
    throw new VigilError('USAGE', `the spec's contracts and the addresses given do not match (${problems.length} problem${problems.length === 1 ? '' : 's'})`, {
      meta: problems,
      hint: `Give one --address per contract of the spec, e.g. ${keys.map((k) => `--address ${k}=0x…`).join(' ')}.`,
    });
  }
  const compiled = await compileSources({
    root: options.root,
    files: spec.sources.map((s) => resolve(dirname(file), s)),
    remappings: [...(spec.remappings ?? [])],
    cacheDir: options.cacheDir,
  });
  const contracts: DeployedContract[] = keys.map((key) => {
    const decl = spec.contracts[key]!;
    const artifact = compiled.artifacts.find((a) => a.name === decl.contract);
    if (artifact === undefined) {
      throw new VigilError('SPEC_UNKNOWN_CONTRACT', `contracts.${key}: no contract named "${decl.contract}" in the compiled sources`, {
        meta: [`compiled: ${compiled.artifacts.map((a) => a.name).join(', ')}`],
      });
    }
    return { key, name: artifact.name, address: addresses[key]!.toLowerCase() as Hex, abi: artifact.abi, artifact };
  });
  const name = spec.name ?? basename(file).replace(/\.spec\.ts$/, '');
  const settings = { ...defaultSettings, ...definedOnly(spec.fuzz ?? {}), coverage: false };
  return { name, file, spec, compiled, hardfork: hardforkFor(compiled.evmVersion), contracts, checkInfo: await readCheckInfo(file), settings };
}
