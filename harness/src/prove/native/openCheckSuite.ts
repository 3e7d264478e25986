import { encodeFunctionData, type AbiFunction, type Hex } from 'viem';
import { decodeRevert } from '../../abi/decodeRevert.js';
import { hardforkFor } from '../../chain/hardforkFor.js';
import { TestChain } from '../../chain/TestChain.js';
import { FOUNDRY_SENDER } from '../../cheats/cheatAddresses.js';
import { compileSources } from '../../compile/compileSources.js';
import type { Artifact } from '../../compile/types.js';
import { VigilError } from '../../errors/VigilError.js';
import { loadFoundryProject } from '../../foundry/loadFoundryProject.js';
import type { SourceLocation } from '../../report/types.js';
import { DEFAULT_ACTORS, DEFAULT_FUND } from '../../spec/defaults.js';
import { locateFunction } from './locateFunction.js';

/** forge's balance for the test contract: 2^96 - 1 wei. */
const FORGE_INITIAL_BALANCE = (1n << 96n) - 1n;

/** A test contract with Halmos-style `check_*` functions, deployed and set up as forge would. */
export interface CheckSuite {
  file: string;
  contract: string;
  chain: TestChain;
  test: { address: Hex; artifact: Artifact };
  checks: { fn: AbiFunction; location?: SourceLocation }[];
}

/** Halmos' naming: a test function whose name starts with `check_`. */
export function checkFunctionsOf(abi: readonly unknown[]): AbiFunction[] {
  return (abi as AbiFunction[]).filter((x) => x.type === 'function' && x.name.startsWith('check_'));
}

/**
 * Compiles the file with its project's settings, deploys the contract from forge's sender
 * at forge's address (timestamp and block 1, cheatcodes on) and runs `setUp()`: the state
 * every `check_*` call starts from, in the prover and in the replay of its counterexample.
 */
export async function openCheckSuite(file: string, contract: string, o: { cacheDir?: string; gasLimit?: bigint }): Promise<CheckSuite> {
  const project = await loadFoundryProject(file);
  const compiled = await compileSources({
    root: project.root, files: [file], remappings: project.remappings, optimizer: project.optimizer, evmVersion: project.evmVersion,
    viaIR: project.viaIR, solcVersion: project.solcVersion ?? 'auto', cacheDir: o.cacheDir,
  });
  const artifact = compiled.artifacts.find((a) => a.name === contract && file.endsWith(a.source));
  if (artifact === undefined) throw new VigilError('SPEC_UNKNOWN_CONTRACT', `no contract ${contract} in ${file}`, { hint: 'Name a contract the file defines.' });
  const chain = await TestChain.create({ hardfork: hardforkFor(compiled.evmVersion), assertions: true, ...(o.gasLimit !== undefined ? { gasLimit: o.gasLimit } : {}), cheats: true, block: { timestamp: 1n, number: 1n } });
  for (const who of [...DEFAULT_ACTORS, FOUNDRY_SENDER]) await chain.setBalance(who, DEFAULT_FUND);
  await chain.setNonce(FOUNDRY_SENDER, 1n);
  const deployed = await chain.deploy({ from: FOUNDRY_SENDER, data: artifact.bytecode });
  if (deployed.status !== 'success' || deployed.createdAddress === undefined) {
    throw new VigilError('DEPLOY_REVERTED', `deploying ${contract} failed: ${deployed.status === 'halt' ? deployed.error : decodeRevert(deployed.returnData, [artifact.abi]).text}`, {
      meta: [`at ${file}`], hint: 'The test contract\'s constructor must not revert; move set-up work into setUp().',
    });
  }
  const address = deployed.createdAddress.toLowerCase() as Hex;
  await chain.setBalance(address, FORGE_INITIAL_BALANCE);
  const setUp = artifact.abi.find((x): x is AbiFunction => x.type === 'function' && x.name === 'setUp' && x.inputs.length === 0);
  if (setUp !== undefined) {
    const r = await chain.call({ from: FOUNDRY_SENDER, to: address, data: encodeFunctionData({ abi: [setUp], functionName: 'setUp' }) });
    if (r.status !== 'success') {
      throw new VigilError('SETUP_REVERTED', `${contract}.setUp() ${r.status === 'halt' ? `halted: ${r.error}` : `reverted: ${decodeRevert(r.returnData, [artifact.abi]).text}`}`, { meta: [`at ${file}`] });
    }
  }
  chain.cheats?.commitBaseline();
  const checks = checkFunctionsOf(artifact.abi).map((fn) => {
    const location = locateFunction(file, fn.name);
    return { fn, ...(location ? { location } : {}) };
  });
  return { file, contract, chain, test: { address, artifact }, checks };
}
