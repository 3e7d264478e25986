import type { TestChain } from '../chain/TestChain.js';
import { bytesToBigInt } from '../chain/words.js';
import { Dictionary } from '../fuzz/Dictionary.js';
import type { Deployment } from '../spec/deploySpec.js';

/** A campaign's first dictionary: the contracts' bytecode constants and the storage set-up left. */
export function seedDictionary(deployment: Deployment, chain: TestChain): Dictionary {
  const dictionary = new Dictionary();
  for (const c of deployment.contracts) dictionary.addBytecodeConstants(c.artifact.deployedBytecode);
  for (const c of deployment.contracts) for (const v of chain.storageOf(c.address).values()) dictionary.addWord(bytesToBigInt(v));
  return dictionary;
}
