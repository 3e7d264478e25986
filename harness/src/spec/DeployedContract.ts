import type { Abi, Hex } from 'viem';
import type { Artifact } from '../compile/types.js';

/** A contract of a spec, once deployed. */
export interface DeployedContract {
  /** The spec's key, e.g. `token`. */
  key: string;
  name: string;
  address: Hex;
  abi: Abi;
  artifact: Artifact;
}
