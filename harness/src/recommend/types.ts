/**
 * What `recommend` answers for one finding: which levers to pull, proof by replay that they
 * stop the attack, what they cost honest users, and how to undo them. Data only, so it
 * serialises to JSON as is (amounts and arguments are strings). The JSON Schema in
 * reports/schema/recommendation.v1.schema.json mirrors these types; change both together.
 */
import type { FuzzCall } from '../fuzz/FuzzCall.js';

export const RECOMMENDATION_SCHEMA_VERSION = 1;

import type { LeverKind } from '../spec/types.js';

export type { LeverKind };

/** One transaction: to a contract of the spec, with its calldata and decoded form. */
export interface LeverCall {
  /** Spec key of the contract, e.g. `market`. */
  contract: string;
  address: string;
  /** Canonical signature, e.g. `setFrozen(address,bool)`. */
  signature: string;
  function: string;
  /** Display strings (addresses as 0x…, numbers in decimal). */
  args: string[];
  /** The ABI inputs, for signers' tools (Safe Transaction Builder). */
  inputs: { name: string; type: string; internalType: string }[];
  calldata: string;
  /** Wei, decimal. */
  value: string;
}

/** Who may send a call, and how we know. */
export interface Authority {
  /** The address chosen to sign (first holder found), absent when nobody could. */
  signer?: string;
  /** Every candidate from whom the call succeeded in a snapshot. */
  holders: string[];
  /** How the holders were established, e.g. `hasRole(PAUSER_ROLE, 0x…) is true`, `owner() returns 0x…`. */
  evidence: string[];
}

export interface Lever {
  /** Stable name: the spec's key for declared levers, else `contract.function(args)`. */
  id: string;
  kind: LeverKind;
  /** 1 (rate limit) … 6 (global); see `leverRank`. */
  rank: number;
  source: 'spec' | 'abi';
  call: LeverCall;
  authority: Authority;
  /** Its undo, when one exists, with who may send that (often a narrower set: admin only). */
  undo?: { call: LeverCall; authority: Authority };
  /** State that must hold for the call to go through, e.g. `paused() == false`, with its value now. */
  preconditions: { description: string; holds: boolean }[];
}

/** One replay of one counterexample with one lever, pulled before call `at + 1` (-1: before the first). */
export interface EffectEntry {
  lever: string;
  counterexample: string;
  /** Index of the call after which the lever was pulled; -1 means before the first call. */
  after: number;
  outcome: 'prevented' | 'not-prevented' | 'lever-failed';
  /** Where the attack now reverts (first call that succeeded unlevered and reverts now). */
  revertsAt?: { index: number; function: string; reason: string };
  /** For not-prevented: the call after which the violation still shows. */
  violationAt?: number;
  /** For lever-failed: why the lever call itself reverted (e.g. already paused). */
  leverError?: string;
}

export interface CounterexampleRef {
  id: string;
  origin: 'original' | 'shrunk' | 'refuzz';
  /** The call after which the violation shows, without levers. */
  violationIndex: number;
  calls: import('../report/types.js').CallRecord[];
  /** Calls of the reported sequence to levers or their undos, left out: the attacker holds no guardian power. */
  droppedGuardianCalls?: number;
}

export interface Cover {
  levers: string[];
  /** Sum of the levers' weights: what the solver minimised. */
  weight: number;
}

export interface FunctionBlock {
  contract: string;
  function: string;
  /** Honest calls that went through without the levers and revert with them. */
  blocked: number;
  /** Honest calls to it that went through without the levers. */
  total: number;
  exit: boolean;
  liquidation: boolean;
}

export interface SideEffects {
  /** Honest sequences replayed (corpus and scenarios). */
  sequences: number;
  calls: number;
  blockedCalls: number;
  functions: FunctionBlock[];
  exitsBlocked: boolean;
  liquidationsBlocked: boolean;
  /** Scenarios declared by the spec whose calls all went through with the levers. */
  scenarios: { name: string; completed: boolean; blockedAt?: { index: number; function: string; reason: string } }[];
}

export type Severity = 'Critical' | 'High' | 'Medium';
export type Urgency = 'immediate' | 'high' | 'normal';

export interface RefuzzRound {
  round: number;
  levers: string[];
  runs: number;
  calls: number;
  /** Counterexamples the attacker found around these levers (ids in `counterexamples`). */
  found: string[];
}

export interface Recommendation {
  schemaVersion: typeof RECOMMENDATION_SCHEMA_VERSION;
  tool: { name: 'vigil'; version: string };
  spec: string;
  finding: { id: string; kind: string; name: string; message: string };
  severity: { level: Severity; reasons: string[] };
  urgency: { level: Urgency; reasons: string[] };
  status: 'covered' | 'no-cover';
  /** Every lever found, with its authority and undo. */
  levers: Lever[];
  /** What to pull now, in order: ids into `levers`. */
  chosen: Cover | null;
  /** Next-best covers, best first. */
  alternatives: Cover[];
  /** Each lever's weight: its rank plus the cost to honest users (see `leverWeight`). */
  weights: Record<string, number>;
  undoPlan: { lever: string; call: LeverCall; signer?: string; holders: string[] }[];
  evidence: {
    counterexamples: CounterexampleRef[];
    matrix: EffectEntry[];
    /** The chosen levers, all pulled before the first call, on every counterexample. */
    chosenReplays: { counterexample: string; outcome: 'prevented' | 'not-prevented' | 'lever-failed'; revertsAt?: EffectEntry['revertsAt'] }[];
    refuzz: RefuzzRound[];
  };
  sideEffects: { chosen: SideEffects | null; perLever: Record<string, SideEffects> };
  /** Levers the ABI suggests but that could not be catalogued, with why. */
  skipped: { name: string; reason: string }[];
  /** Timing. */
  durationMs: number;
}

export interface RecommendOptions {
  /** Seed of the re-fuzzing campaigns (default: the session's). */
  seed?: number;
  /** Re-fuzzing: rounds of (solve, fuzz with the cover applied) and the budget of each. */
  refuzz?: { rounds?: number; runs?: number; depth?: number; timeLimitMs?: number };
  /** Honest traffic for side effects; by default the spec's saved coverage corpus, else fresh random sequences. */
  honest?: FuzzCall[][];
  /** Where `.vigil/corpus/<spec>.coverage.json` lives (default `.vigil/corpus`). */
  corpusDir?: string;
  /** Alternatives to rank beside the chosen cover (default 3). */
  alternatives?: number;
  signal?: AbortSignal;
  /** Progress lines for the console. */
  onProgress?: (message: string) => void;
}
