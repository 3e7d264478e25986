import { decodeFunctionResult, encodeFunctionData, type Abi, type AbiFunction, type Hex } from 'viem';
import type { TestChain } from '../chain/TestChain.js';
import { decodeRevert } from '../abi/decodeRevert.js';
import { lowercaseAddresses } from '../abi/lowercaseAddresses.js';
import { VigilError } from '../errors/VigilError.js';

/** What forge-std's StdInvariant getters of a test contract say (empty when a getter is absent). */
export interface TargetConfig {
  targetContracts: Hex[];
  excludeContracts: Hex[];
  targetSenders: Hex[];
  excludeSenders: Hex[];
  targetSelectors: { addr: Hex; selectors: Hex[] }[];
  excludeSelectors: { addr: Hex; selectors: Hex[] }[];
  targetArtifacts: string[];
  excludeArtifacts: string[];
  targetArtifactSelectors: { artifact: string; selectors: Hex[] }[];
  targetInterfaces: { addr: Hex; artifacts: string[] }[];
}

const GETTERS = [
  'targetContracts', 'excludeContracts', 'targetSenders', 'excludeSenders', 'targetSelectors', 'excludeSelectors',
  'targetArtifacts', 'excludeArtifacts', 'targetArtifactSelectors', 'targetInterfaces',
] as const satisfies readonly (keyof TargetConfig)[];

/** A test contract without any of the getters. */
export function emptyTargetConfig(): TargetConfig {
  return Object.fromEntries(GETTERS.map((g) => [g, []])) as unknown as TargetConfig;
}

/** Calls each getter the test contract has, as forge does after setUp. */
export async function readTargetConfig(chain: TestChain, abi: Abi, test: Hex, from: Hex, contractName: string): Promise<TargetConfig> {
  const config = emptyTargetConfig();
  for (const name of GETTERS) {
    const fn = abi.find((x): x is AbiFunction => x.type === 'function' && x.name === name && x.inputs.length === 0);
    if (fn === undefined) continue;
    const r = await chain.staticCall({ from, to: test, data: encodeFunctionData({ abi: [fn], functionName: name }) });
    if (r.status !== 'success') {
      throw new VigilError('SETUP_REVERTED', `${contractName}.${name}() reverted: ${decodeRevert(r.returnData, [abi]).text}`, {
        hint: `forge calls ${name}() after setUp(); it must not revert.`,
      });
    }
    const value = decodeFunctionResult({ abi: [fn], functionName: name, data: r.returnData }) as unknown;
    (config as unknown as Record<string, unknown>)[name] = lowercaseAddresses(value);
  }
  return config;
}
