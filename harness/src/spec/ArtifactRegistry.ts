import type { Abi } from 'viem';

/**
 * The ABIs of the contracts under test, by Solidity name. Empty here; `vigil typegen`
 * (run by `vigil run` and `vigil list` too) writes `specs/vigil-artifacts.d.ts`, which
 * augments it so that contract handles in specs are typed from the real ABIs.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ArtifactRegistry {}

export type ContractName = [keyof ArtifactRegistry] extends [never] ? string : keyof ArtifactRegistry & string;

export type AbiOf<N> = N extends keyof ArtifactRegistry ? (ArtifactRegistry[N] extends Abi ? ArtifactRegistry[N] : Abi) : Abi;
