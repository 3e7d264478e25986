import { toEventSelector, type AbiEvent } from 'viem';
import type { TestChain } from '../chain/TestChain.js';
import { SourceMapper } from '../compile/SourceMapper.js';
import type { CompileOutput } from '../compile/types.js';
import type { AssertionContext } from '../fuzz/assertionViolations.js';
import type { Deployment } from '../spec/deploySpec.js';
import type { DeployedContract } from '../spec/DeployedContract.js';

/** What assertion mode needs to locate and name failures among a deployment's contracts. */
export async function assertionContextFor(specName: string, deployment: Deployment, compiled: CompileOutput, chain: TestChain): Promise<AssertionContext> {
  const codeToContract = new Map<Uint8Array, DeployedContract>();
  for (const c of deployment.contracts) codeToContract.set(await chain.getCode(c.address), c);
  const assertionTopics = new Set<string>(
    deployment.abis.flatMap((abi) => abi.filter((x): x is AbiEvent => x.type === 'event' && x.name === 'AssertionFailed').map((e) => toEventSelector(e))),
  );
  return { specName, sourceMapper: new SourceMapper(compiled), codeToContract, assertionTopics, byAddress: deployment.byAddress };
}
