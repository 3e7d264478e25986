import type { Hex } from 'viem';
import { FOUNDRY_SENDER } from '../../cheats/cheatAddresses.js';
import type { SpecSession } from '../../campaign/SpecSession.js';
import { suiteChecks } from '../../native/openNativeSession.js';
import type { SuiteRef } from '../../native/SuiteRef.js';
import { DEFAULT_ACTORS } from '../../spec/defaults.js';
import type { NativeInvariant } from './nativeInvariantCheck.js';

/** The invariant functions of a native suite's session, called as NativeChecks calls them. */
export function nativeInvariants(session: SpecSession & { suite: SuiteRef }): NativeInvariant[] {
  const { suite } = session;
  const test = session.deployment.contracts.find((c) => c.name === suite.contract);
  if (test === undefined) throw new Error(`internal: suite contract ${suite.contract} not deployed`);
  const caller: Hex = suite.kind === 'foundry' ? FOUNDRY_SENDER : DEFAULT_ACTORS[0]!;
  return suiteChecks(suite.kind, test.abi).map((fn) => ({ fn, mustReturnTrue: suite.kind !== 'foundry', test: test.address, caller }));
}
