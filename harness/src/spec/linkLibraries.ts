import type { Hex } from 'viem';
import { VigilError } from '../errors/VigilError.js';
import type { Artifact } from '../compile/types.js';

/** Deploys a library's (already linked) creation code and returns its address. */
export type DeployLibrary = (library: Artifact, bytecode: Hex) => Promise<Hex>;

/**
 * The creation code of `artifact` with every external library it calls deployed and linked in,
 * as forge does: each library once per deployment (`deployed` remembers them across contracts),
 * libraries that need libraries first, and a cycle or a library missing from the build is an error.
 */
export async function linkLibraries(
  artifact: Artifact,
  artifacts: readonly Artifact[],
  deploy: DeployLibrary,
  deployed: Map<string, Hex>,
  chain: readonly string[] = [],
): Promise<Hex> {
  let code = artifact.bytecode.slice(2);
  for (const [file, libs] of Object.entries(artifact.linkReferences)) {
    for (const [name, refs] of Object.entries(libs)) {
      const key = `${file}:${name}`;
      if (chain.includes(key)) {
        throw new VigilError('LIBRARY_LINK', `libraries link in a cycle: ${[...chain, key].join(' → ')}`);
      }
      let address = deployed.get(key);
      if (address === undefined) {
        const library = artifacts.find((a) => a.source === file && a.name === name);
        if (library === undefined) {
          throw new VigilError('LIBRARY_LINK', `${artifact.name} needs library ${key}, which is not in the build`, {
            meta: [`built: ${artifacts.map((a) => `${a.source}:${a.name}`).join(', ')}`],
          });
        }
        address = await deploy(library, await linkLibraries(library, artifacts, deploy, deployed, [...chain, key]));
        deployed.set(key, address);
      }
      for (const { start, length } of refs) {
        code = code.slice(0, start * 2) + address.slice(2).toLowerCase().padStart(length * 2, '0') + code.slice((start + length) * 2);
      }
    }
  }
  return `0x${code}` as Hex;
}
