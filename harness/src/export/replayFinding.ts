import { isAddress, type AbiFunction, type Hex } from 'viem';
import { fromCallRecord } from '../campaign/fromCallRecord.js';
import { runSequence } from '../campaign/runSequence.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import { ExecutedCall } from '../fuzz/ExecutedCall.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { CallResult } from '../chain/types.js';
import type { DeployedContract } from '../spec/DeployedContract.js';
import type { Finding } from '../report/types.js';

/** What re-running a counterexample in Vigil showed: the facts the exported check reads. */
export interface ReplayedFinding {
  calls: FuzzCall[];
  /** Each call as it ran, up to the one after which the finding was seen (or all of them). */
  executed: ExecutedCall[];
  /** Index of the call after which the finding was seen; undefined when it no longer fails. */
  failedAt: number | undefined;
  /** The check's message when it failed again (e.g. the assertion's source text). */
  message?: string;
  holders: Hex[];
  uintKeys: bigint[];
  ghostsBefore: Record<string, unknown>;
  ghostsAfter: Record<string, unknown>;
}

export type ReplayOutcome = { ok: true; replayed: ReplayedFinding } | { ok: false; problem: string };

/**
 * Re-runs a finding's shrunk calls from the post-set-up state, as `vigil replay` does, and
 * collects what the exported test needs: which calls reverted, where the check failed,
 * and the collections and ghosts Vigil's check saw at that point.
 */
export async function replayFinding(session: SpecSession, finding: Finding): Promise<ReplayOutcome> {
  const decoded = finding.shrunk.calls.map((r) => fromCallRecord(session, r));
  const problem = decoded.find((x): x is { problem: string } => 'problem' in x);
  if (problem) return { ok: false, problem: problem.problem };
  const calls = decoded as FuzzCall[];

  const outcome = await runSequence(session, calls, { target: finding.id });
  const failedAt = outcome.violation ? outcome.index : undefined;
  const executed = outcome.executed;
  const ghostsAfter = currentGhosts(session);
  let ghostsBefore = ghostsAfter;
  if (executed.length > 1) {
    await runSequence(session, calls.slice(0, executed.length - 1), { target: finding.id });
    ghostsBefore = currentGhosts(session);
  } else if (executed.length === 1) {
    session.checks.reset();
    ghostsBefore = currentGhosts(session);
  }
  const { holders, uintKeys } = seenKeys(session, executed);
  return {
    ok: true,
    replayed: {
      calls,
      executed,
      failedAt,
      ...(outcome.violation ? { message: outcome.violation.message } : {}),
      holders,
      uintKeys,
      ghostsBefore,
      ghostsAfter,
    },
  };
}

/**
 * The ghosts' values now. CheckRunner keeps them private; `observe` hands back the values
 * it held before a call, so observing a call that no ghost listens to reads them. Its own
 * update is thrown away: every run starts with `reset()`.
 */
function currentGhosts(session: SpecSession): Record<string, unknown> {
  const fn: AbiFunction = { type: 'function', name: '\u0000vigil-export', inputs: [], outputs: [], stateMutability: 'view' };
  const contract = { key: '\u0000vigil-export', name: '', address: '0x0000000000000000000000000000000000000000', abi: [fn] } as unknown as DeployedContract;
  const target = { contract, fn, signature: `${fn.name}()`, selector: '0x00000000' as Hex, id: '\u0000vigil-export' };
  const result = { status: 'success', returnData: '0x', gasUsed: 0n, logs: [], storageChanges: [], assertions: [], compares: [] } as CallResult;
  const probe = new ExecutedCall({ target, args: [], data: '0x', sender: contract.address, value: 0n, timeDelta: 0n, blockDelta: 0n }, result, [], new Map());
  try {
    return { ...session.checks.observe(probe) };
  } catch {
    // A `*.*` ghost that cannot digest an empty call: ghosts stay unknown and untranslated.
    return {};
  }
}

/**
 * `holders` and `keys.uint` as CheckRunner builds them (it keeps them private): actors,
 * deployer and contracts first, then every address argument and indexed address in event
 * topics, in the order the calls made them. Keep in step with CheckRunner.observe.
 */
function seenKeys(session: SpecSession, executed: readonly ExecutedCall[]): { holders: Hex[]; uintKeys: bigint[] } {
  const d = session.deployment;
  const holders: Hex[] = [];
  const seen = new Set<string>();
  const uintKeys: bigint[] = [];
  const uintSeen = new Set<bigint>();
  const addHolder = (a: string) => {
    const lower = a.toLowerCase();
    if (!seen.has(lower)) {
      seen.add(lower);
      holders.push(lower as Hex);
    }
  };
  const collect = (arg: unknown): void => {
    if (typeof arg === 'string' && arg.length === 42 && isAddress(arg, { strict: false })) addHolder(arg);
    else if (typeof arg === 'bigint' && arg >= 0n && !uintSeen.has(arg) && uintKeys.length < 1024) {
      uintSeen.add(arg);
      uintKeys.push(arg);
    } else if (Array.isArray(arg)) for (const x of arg) collect(x);
  };
  for (const a of [...d.actors, d.deployer, ...d.contracts.map((c) => c.address)]) addHolder(a);
  for (const ex of executed) {
    for (const arg of ex.call.args) collect(arg);
    for (const log of ex.result.logs) {
      for (let i = 1; i < log.topics.length; i++) {
        const word = BigInt(log.topics[i]!);
        if (word > 0xffffn && word < 1n << 160n) addHolder(`0x${word.toString(16).padStart(40, '0')}`);
      }
    }
  }
  return { holders, uintKeys };
}
