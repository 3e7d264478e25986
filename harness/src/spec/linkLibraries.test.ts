import { join } from 'node:path';
import { decodeFunctionResult, encodeFunctionData, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { TestChain } from '../chain/TestChain.js';
import { hardforkFor } from '../chain/hardforkFor.js';
import { compileSources } from '../compile/compileSources.js';
import type { Artifact } from '../compile/types.js';
import { isVigilError } from '../errors/VigilError.js';
import { linkLibraries } from './linkLibraries.js';

const root = join(import.meta.dirname, '..', '..', '..');
const deployer = '0x0000000000000000000000000000000000030000' as Hex;

describe('linkLibraries', () => {
  it('deploys the external library once, links it, and the contract calls it', async () => {
    const compiled = await compileSources({ root, files: ['test/badInput/fixtures/contracts/Linked.sol'] });
    const chain = await TestChain.create({ hardfork: hardforkFor(compiled.evmVersion) });
    await chain.setBalance(deployer, 10n ** 18n);
    const linkedArtifact = compiled.artifacts.find((a) => a.name === 'Linked')!;
    expect(linkedArtifact.bytecode).toContain('__$');
    const deployedLibs: string[] = [];
    const deploy = async (lib: Artifact, bytecode: Hex) => {
      deployedLibs.push(lib.name);
      const r = await chain.deploy({ from: deployer, data: bytecode });
      return r.createdAddress!;
    };
    const libraries = new Map<string, Hex>();
    const code = await linkLibraries(linkedArtifact, compiled.artifacts, deploy, libraries);
    expect(code).not.toContain('__$');
    // A second contract needing the same library reuses the deployed one.
    await linkLibraries(linkedArtifact, compiled.artifacts, deploy, libraries);
    expect(deployedLibs).toEqual(['MathLib']);

    const created = await chain.deploy({ from: deployer, data: code });
    const abi = linkedArtifact.abi;
    const r = await chain.call({ from: deployer, to: created.createdAddress!, data: encodeFunctionData({ abi, functionName: 'double', args: [21n] }) });
    expect(r.status).toBe('success');
    const v = await chain.staticCall({ from: deployer, to: created.createdAddress!, data: encodeFunctionData({ abi, functionName: 'value' }) });
    expect(decodeFunctionResult({ abi, functionName: 'value', data: v.returnData })).toBe(42n);
  });

  it('a library missing from the build is a LIBRARY_LINK error naming it', async () => {
    const compiled = await compileSources({ root, files: ['test/badInput/fixtures/contracts/Linked.sol'] });
    const linked = compiled.artifacts.find((a) => a.name === 'Linked')!;
    const err = await linkLibraries(linked, [linked], async () => '0x0' as Hex, new Map()).catch((e: unknown) => e);
    expect(isVigilError(err) && err.code).toBe('LIBRARY_LINK');
    expect((err as Error).message).toContain('MathLib');
  });
});
