import { relative } from 'node:path';
import { encodeFunctionData, type Abi, type AbiFunction, type Hex } from 'viem';
import { decodeRevert } from '../abi/decodeRevert.js';
import type { TestChain } from '../chain/TestChain.js';
import type { Artifact, CompileOutput } from '../compile/types.js';
import { VigilError } from '../errors/VigilError.js';
import type { TargetFunction } from '../fuzz/TargetFunction.js';
import { DEFAULT_ACTORS, DEFAULT_DEPLOYER, DEFAULT_FUND } from '../spec/defaults.js';
import type { DeployedContract } from '../spec/DeployedContract.js';
import type { Deployment } from '../spec/deploySpec.js';
import type { Spec } from '../spec/types.js';
import { CHEATCODE_ADDRESS, CONSOLE_ADDRESS, CREATE2_DEPLOYER, FOUNDRY_SENDER, FOUNDRY_TEST_ADDRESS } from '../cheats/cheatAddresses.js';
import { ArtifactMatcher } from './matchArtifact.js';
import { emptyTargetConfig, readTargetConfig } from './readTargetConfig.js';
import { selectNativeTargets } from './selectNativeTargets.js';
import type { SuiteRef } from './SuiteRef.js';

/** forge's balance for the test contract: 2^96 - 1 wei. */
const FORGE_INITIAL_BALANCE = (1n << 96n) - 1n;
const NOT_TARGETS = new Set<string>([CHEATCODE_ADDRESS, CONSOLE_ADDRESS, CREATE2_DEPLOYER]);

export interface NativeSetup {
  deployment: Deployment;
  /** The suite contract: the forge test contract, or the Echidna / Medusa contract under test. */
  test: DeployedContract;
  targets: TargetFunction[];
  senders: Hex[];
  /** Who calls the invariant / property functions. */
  checkCaller: Hex;
}

/**
 * Deploys a suite the way its own tool would. Foundry: the test contract at forge's
 * address from forge's sender, `setUp()`, then the target getters; so addresses match
 * forge's and exported counterexamples replay there. Echidna / Medusa / assertion mode:
 * the contract from 0x30000, fuzzed directly from 0x10000, 0x20000, 0x30000.
 */
export async function deployNativeSuite(ref: SuiteRef, compiled: CompileOutput, chain: TestChain): Promise<NativeSetup> {
  const artifact = compiled.artifacts.find((a) => a.name === ref.contract && (a.source === unitOf(ref, compiled) || compiled.artifacts.filter((x) => x.name === ref.contract).length === 1));
  if (artifact === undefined) {
    throw new VigilError('SPEC_UNKNOWN_CONTRACT', `no contract ${ref.contract} in ${ref.file}`, { hint: 'Name a contract the file defines.' });
  }
  assertLinked(artifact, ref.file);
  const matcher = new ArtifactMatcher(compiled.artifacts);
  const abis = compiled.artifacts.map((a) => a.abi);
  const contracts: DeployedContract[] = [];
  const byAddress = new Map<string, DeployedContract>();
  const keys = new Map<string, number>();
  const add = (address: Hex, a: Artifact, abi: Abi = a.abi): DeployedContract => {
    const n = (keys.get(a.name) ?? 0) + 1;
    keys.set(a.name, n);
    const c: DeployedContract = { key: n === 1 ? a.name : `${a.name}#${n}`, name: a.name, address, abi, artifact: a };
    contracts.push(c);
    byAddress.set(address, c);
    return c;
  };

  const foundry = ref.kind === 'foundry';
  const deployer = foundry ? FOUNDRY_SENDER : DEFAULT_DEPLOYER;
  for (const who of new Set<Hex>([...DEFAULT_ACTORS, deployer])) await chain.setBalance(who, DEFAULT_FUND);
  // forge's sender has sent one transaction before it deploys the test contract.
  if (foundry) await chain.setNonce(FOUNDRY_SENDER, 1n);
  const deployed = await chain.deploy({ from: deployer, data: artifact.bytecode });
  if (deployed.status !== 'success' || deployed.createdAddress === undefined) {
    throw new VigilError('DEPLOY_REVERTED', `deploying ${ref.contract} failed: ${deployed.status === 'halt' ? deployed.error : decodeRevert(deployed.returnData, abis).text}`, {
      meta: [`at ${ref.file}`],
      hint: foundry ? 'The test contract\'s constructor must not revert; move set-up work into setUp().' : 'The constructor must not revert or take arguments.',
    });
  }
  const address = deployed.createdAddress.toLowerCase() as Hex;
  if (foundry && address !== FOUNDRY_TEST_ADDRESS) throw new Error(`internal: test contract at ${address}, not forge's ${FOUNDRY_TEST_ADDRESS}`);
  const test = add(address, artifact);
  if (foundry) await chain.setBalance(address, FORGE_INITIAL_BALANCE);

  const setUp = artifact.abi.find((x): x is AbiFunction => x.type === 'function' && x.name === 'setUp' && x.inputs.length === 0);
  if (foundry && setUp !== undefined) {
    const r = await chain.call({ from: deployer, to: address, data: encodeFunctionData({ abi: [setUp], functionName: 'setUp' }) });
    if (r.status !== 'success') {
      throw new VigilError('SETUP_REVERTED', `${ref.contract}.setUp() ${r.status === 'halt' ? `halted: ${r.error}` : `reverted: ${decodeRevert(r.returnData, abis).text}`}`, {
        meta: [`at ${ref.file}`, ...[...(chain.cheats?.unsupported ?? [])].map((u) => `unsupported cheatcode called: ${u}`)],
      });
    }
  }
  chain.cheats?.commitBaseline();

  const created: DeployedContract[] = [];
  for (const a of chain.codeAddresses()) {
    if (a === address || NOT_TARGETS.has(a)) continue;
    const match = matcher.match(await chain.getCode(a));
    if (match !== undefined) created.push(add(a, match));
  }

  let targets: TargetFunction[];
  let senders: Hex[] = [...DEFAULT_ACTORS];
  if (foundry) {
    const config = await readTargetConfig(chain, artifact.abi, address, deployer, ref.contract);
    targets = selectNativeTargets({
      suite: ref.contract,
      config,
      created,
      byAddress,
      artifacts: compiled.artifacts,
      interfaceContract: (addr, arts) => {
        const abi = arts.flatMap((a) => a.abi);
        const existing = byAddress.get(addr);
        if (existing !== undefined) return Object.assign(existing, { abi });
        return add(addr, arts[0]!, abi);
      },
    });
    if (config.targetSenders.length > 0) senders = config.targetSenders;
    const excludedSenders = new Set(config.excludeSenders);
    senders = senders.filter((s) => !excludedSenders.has(s));
    if (senders.length === 0) throw new VigilError('SPEC_INVALID', `${ref.contract}: excludeSenders() leaves no sender`, { hint: 'Keep at least one sender.' });
  } else {
    const props = (f: AbiFunction) => ['echidna_', 'property_', 'optimize_'].some((p) => f.name.startsWith(p));
    targets = selectNativeTargets({
      suite: ref.contract,
      config: { ...emptyTargetConfig(), targetContracts: [address] },
      created: [test],
      byAddress,
      artifacts: compiled.artifacts,
      interfaceContract: () => test,
    }).filter((t) => !props(t.fn));
  }

  const spec = { name: ref.contract, sources: [ref.file], contracts: {} } as unknown as Spec;
  const deployment: Deployment = { spec, specFile: ref.file, chain, contracts, byAddress, actors: senders, deployer, abis };
  return { deployment, test, targets, senders, checkCaller: foundry ? FOUNDRY_SENDER : DEFAULT_ACTORS[0]! };
}

function unitOf(ref: SuiteRef, compiled: CompileOutput): string | undefined {
  return compiled.sources.find((s) => ref.file.endsWith(s.name))?.name;
}

function assertLinked(a: Artifact, file: string): void {
  const libs = Object.entries(a.linkReferences).flatMap(([unit, names]) => Object.keys(names).map((n) => `${unit}:${n}`));
  if (libs.length > 0) {
    throw new VigilError('LIBRARY_LINK', `${a.name} needs linked libraries, which Solidity suites do not support yet: ${libs.join(', ')}`, {
      meta: [`at ${relative(process.cwd(), file)}`],
      hint: 'Make the library functions internal (they are then inlined), or deploy the library and call it through an interface.',
    });
  }
}
