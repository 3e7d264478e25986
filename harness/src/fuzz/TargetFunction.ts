import type { AbiFunction, Hex } from 'viem';
import type { DeployedContract } from '../spec/DeployedContract.js';

/** A function the fuzzer may call. */
export interface TargetFunction {
  contract: DeployedContract;
  fn: AbiFunction;
  /** `transfer(address,uint256)` */
  signature: string;
  selector: Hex;
  /** `token.transfer`, the name patterns and reports use. */
  id: string;
}
