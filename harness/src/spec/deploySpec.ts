import { bytesToHex, encodeDeployData, type Abi, type Hex } from 'viem';
import { VigilError } from '../errors/VigilError.js';
import { decodeRevert } from '../abi/decodeRevert.js';
import type { TestChain } from '../chain/TestChain.js';
import type { CompileOutput } from '../compile/types.js';
import type { DeployedContract } from './DeployedContract.js';
import { DEFAULT_ACTORS, DEFAULT_DEPLOYER, DEFAULT_FUND, RESERVED_KEYS } from './defaults.js';
import { findLine } from './findLine.js';
import { isAddressOf } from './addressOf.js';
import { escapeRegExp } from './escapeRegExp.js';
import { makeHandle, type HandleEnv } from './makeHandle.js';
import { linkLibraries } from './linkLibraries.js';
import { locateInStack } from './locateInStack.js';
import type { Spec } from './types.js';

export interface Deployment {
  spec: Spec;
  specFile: string;
  chain: TestChain;
  contracts: DeployedContract[];
  byAddress: Map<string, DeployedContract>;
  actors: Hex[];
  deployer: Hex;
  abis: Abi[];
}

/** Funds the actors, deploys the spec's contracts in order and runs its set-up. */
export async function deploySpec(
  spec: Spec,
  specFile: string,
  compiled: CompileOutput,
  chain: TestChain,
  onWrite?: HandleEnv['onWrite'],
): Promise<Deployment> {
  const actors = [...(spec.actors ?? DEFAULT_ACTORS)].map((a) => a.toLowerCase() as Hex);
  const deployer = (spec.deployer ?? DEFAULT_DEPLOYER).toLowerCase() as Hex;
  for (const who of new Set([...actors, deployer])) await chain.setBalance(who, spec.fund ?? DEFAULT_FUND);

  const contracts: DeployedContract[] = [];
  const libraries = new Map<string, Hex>();
  const deployed: Record<string, { address: Hex }> = {};
  for (const [key, decl] of Object.entries(spec.contracts)) {
    if (RESERVED_KEYS.has(key)) {
      throw new VigilError('SPEC_INVALID', `contract key "${key}" shadows a name of the check context`, {
        meta: [`at ${findLine(specFile, new RegExp(`\\b${key}\\s*:`))}`],
        hint: `Rename it (reserved: ${[...RESERVED_KEYS].join(', ')}).`,
      });
    }
    const artifact = compiled.artifacts.find((a) => a.name === decl.contract);
    if (artifact === undefined) {
      throw new VigilError('SPEC_UNKNOWN_CONTRACT', `contracts.${key}: no contract named "${decl.contract}" in the compiled sources`, {
        meta: [`at ${findLine(specFile, quoted(decl.contract))}`, `compiled: ${compiled.artifacts.map((a) => a.name).join(', ')}`],
      });
    }
    const declared = typeof decl.args === 'function' ? decl.args(deployed) : decl.args ?? [];
    const args = declared.map((a) => {
      if (!isAddressOf(a)) return a;
      const target = deployed[a.key];
      if (target === undefined) {
        throw new VigilError('SPEC_INVALID', `contracts.${key}.args: addressOf('${a.key}') names no contract deployed before ${key}`, {
          meta: [`at ${findLine(specFile, `addressOf('${a.key}')`)}`, `deployed before it: ${Object.keys(deployed).join(', ') || '(none)'}`],
          hint: 'Declare the contract it refers to earlier in `contracts`; they deploy in order.',
        });
      }
      return target.address;
    });
    const linked = await linkLibraries(artifact, compiled.artifacts, async (library, bytecode) => {
      const r = await chain.deploy({ from: deployer, data: bytecode });
      if (r.status !== 'success' || r.createdAddress === undefined) {
        throw new VigilError('DEPLOY_REVERTED', `deploying library ${library.name} (needed by contracts.${key}) failed`, {
          meta: [`at ${findLine(specFile, quoted(decl.contract))}`],
        });
      }
      return r.createdAddress;
    }, libraries);
    let data: Hex;
    try {
      data = encodeDeployData({ abi: artifact.abi, bytecode: linked, args: args as unknown[] });
    } catch (e) {
      throw new VigilError('SPEC_BAD_ARGS', `contracts.${key}.args do not fit the constructor of ${artifact.name}: ${(e as { shortMessage?: string }).shortMessage ?? (e as Error).message}`, {
        meta: [`at ${findLine(specFile, new RegExp(`\\b${key}\\s*:`))}`],
      });
    }
    const from = (decl.from ?? deployer).toLowerCase() as Hex;
    const result = await chain.deploy({ from, data, value: decl.value });
    if (result.status !== 'success' || result.createdAddress === undefined) {
      const reason = result.status === 'halt' ? `halted: ${result.error}` : decodeRevert(result.returnData, [artifact.abi]).text;
      throw new VigilError('DEPLOY_REVERTED', `deploying contracts.${key} (${artifact.name}) reverted: ${reason}`, {
        meta: [`at ${findLine(specFile, new RegExp(`\\b${key}\\s*:`))}`, `from ${from}, args [${args.map(String).join(', ')}]`],
      });
    }
    // A linked contract's code holds its libraries' addresses where the build has placeholders.
    const linkedArtifact = linked === artifact.bytecode ? artifact
      : { ...artifact, bytecode: linked, deployedBytecode: bytesToHex(await chain.getCode(result.createdAddress)) };
    const contract: DeployedContract = { key, name: artifact.name, address: result.createdAddress, abi: artifact.abi, artifact: linkedArtifact };
    contracts.push(contract);
    deployed[key] = { address: contract.address };
  }

  const deployment: Deployment = {
    spec,
    specFile,
    chain,
    contracts,
    byAddress: new Map(contracts.map((c) => [c.address.toLowerCase(), c])),
    actors,
    deployer,
    abis: contracts.map((c) => c.abi),
  };
  if (spec.setup) await runSetup(deployment, onWrite);
  return deployment;
}

/** A string literal in any of TypeScript's quotes. */
function quoted(text: string): RegExp {
  return new RegExp(`['"\`]${escapeRegExp(text)}['"\`]`);
}

async function runSetup(d: Deployment, onWrite: HandleEnv['onWrite']): Promise<void> {
  const env: HandleEnv = { chain: d.chain, specFile: d.specFile, abis: d.abis, onWrite };
  const handlesAs = (sender: Hex) =>
    Object.fromEntries(d.contracts.map((c) => [c.key, makeHandle(env, c, 'write', sender.toLowerCase() as Hex)]));
  const handles = handlesAs(d.deployer);
  const ctx = {
    ...handles,
    contracts: handles,
    actors: d.actors,
    deployer: d.deployer,
    as: handlesAs,
    setBalance: (a: Hex, wei: bigint) => d.chain.setBalance(a, wei),
    warp: (s: bigint) => d.chain.advance(s, 0n),
    roll: (b: bigint) => d.chain.advance(0n, b),
  };
  try {
    await d.spec.setup!(ctx as never);
  } catch (e) {
    if (e instanceof VigilError) throw e;
    // The line that threw, when the spec's own code did; else the set-up's first line.
    const err = e instanceof Error ? e : new Error(String(e));
    const kind = err.name !== 'Error' ? `${err.name}: ` : '';
    throw new VigilError('SPEC_INVALID', `setup threw ${kind}${err.message}`, {
      meta: [`at ${locateInStack(err.stack, d.specFile) ?? findLine(d.specFile, 'setup')}`],
      hint: 'Fix the set-up function; it runs once after deployment, as the deployer.',
      cause: e,
    });
  }
}
