import { hexToBytes } from 'viem';
import { metadataLength } from '../compile/metadataLength.js';
import type { Artifact } from '../compile/types.js';

/**
 * Which compiled contract a deployed runtime code is. solc ends runtime code with a CBOR
 * metadata block (its length in the last two bytes) that hashes the contract's source and
 * settings, so it names the contract even when immutables make the rest differ.
 */
export class ArtifactMatcher {
  private readonly byTrailer = new Map<string, Artifact>();
  private readonly byLength = new Map<number, { artifact: Artifact; code: Uint8Array }[]>();

  constructor(artifacts: readonly Artifact[]) {
    for (const a of artifacts) {
      if (a.deployedBytecode.length <= 2 || a.deployedBytecode.includes('__$')) continue;
      const code = hexToBytes(a.deployedBytecode);
      const trailer = metadataTrailer(code);
      if (trailer !== undefined) this.byTrailer.set(trailer, a);
      const same = this.byLength.get(code.length) ?? [];
      same.push({ artifact: a, code });
      this.byLength.set(code.length, same);
    }
  }

  match(code: Uint8Array): Artifact | undefined {
    const trailer = metadataTrailer(code);
    if (trailer !== undefined) {
      const hit = this.byTrailer.get(trailer);
      if (hit !== undefined) return hit;
    }
    // No metadata (bytecodeHash none): the same length and all but a few bytes (immutables) equal.
    for (const { artifact, code: known } of this.byLength.get(code.length) ?? []) {
      let diff = 0;
      for (let i = 0; i < code.length && diff <= code.length / 20; i++) if (code[i] !== known[i]) diff++;
      if (diff <= code.length / 20) return artifact;
    }
    return undefined;
  }
}

function metadataTrailer(code: Uint8Array): string | undefined {
  const n = metadataLength(code);
  return n === 0 ? undefined : Buffer.from(code.subarray(code.length - n)).toString('hex');
}
