/**
 * The versioned report of a fuzzing run: data only, so it serialises to JSON as is.
 * Amounts, arguments and seeds are decimal or hex strings, never bigints, because
 * JSON has no bigint and numbers above 2^53 would silently lose precision.
 * The JSON Schema in reports/schema/report.v1.schema.json mirrors these types;
 * change both together and bump the version when a change is not additive.
 */

export const REPORT_SCHEMA_VERSION = 1;

export type RunStatus = 'passed' | 'failed' | 'inconclusive' | 'error' | 'interrupted';

export type FindingKind = 'invariant' | 'property' | 'assertion';

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface EventRecord {
  contract: string;
  name: string;
  args: Record<string, string>;
}

export interface StorageChangeRecord {
  address: string;
  slot: string;
  before: string;
  after: string;
}

export interface CallResultRecord {
  status: 'success' | 'revert' | 'halt';
  /** Hex. */
  returnData?: string;
  /** Decoded return value or revert reason, e.g. `Error("insufficient")`, `Panic(0x11: arithmetic overflow)`. */
  decoded?: string;
  gasUsed: string;
  events?: EventRecord[];
  storageChanges?: StorageChangeRecord[];
}

export interface CallRecord {
  /** Key of the contract in the spec, e.g. "token". */
  contract: string;
  /** Solidity name, e.g. "Token". */
  contractName: string;
  address: string;
  function: string;
  /** Canonical signature, e.g. "transfer(address,uint256)". */
  signature: string;
  /** Display strings only; `calldata` is what replay uses. */
  args: string[];
  /** Hex; the source of truth for replay. */
  calldata: string;
  sender: string;
  value: string;
  /** Seconds the chain advanced before the call. */
  timeDelta: string;
  /** Blocks the chain advanced before the call. */
  blockDelta: string;
  result?: CallResultRecord;
  /** The spec's invariants right after this call, in a replay of the counterexample. */
  invariantsAfter?: InvariantValue[];
}

/** One invariant evaluated on one state: holds or not, with a note when the check threw. */
export interface InvariantValue {
  name: string;
  holds: boolean;
  note?: string;
}

export interface Counterexample {
  calls: CallRecord[];
  /** The spec's invariants on the post-set-up state, before the first call. */
  invariantsBefore?: InvariantValue[];
}

export interface Finding {
  /** Stable across runs: `${spec}:${kind}:${name}`, or `${spec}:assertion:${file}:${line}` for assertions. */
  id: string;
  spec: string;
  kind: FindingKind;
  name: string;
  message: string;
  location?: SourceLocation;
  seed: string;
  run: number;
  original: Counterexample;
  shrunk: Counterexample;
  shrink: { attempts: number; status: 'complete' | 'budget-exhausted' | 'skipped' };
  replayCommand: string;
  /** Timing: milliseconds from the start of the campaign. */
  firstFoundMs: number;
  replayedFromCorpus?: boolean;
  /**
   * Where in the Solidity the finding shows: the failing `assert` for assertions, else the
   * definition of the function of the shrunk sequence's last call. For code-scanning (SARIF).
   */
  solidityLocation?: SolidityLocation;
  /** What `vigil recommend` found to pause for this finding (the full recommendation is in `files`). */
  recommendation?: RecommendationSummary;
}

/** The pause recommendation of a finding, as the reports show it. */
export interface RecommendationSummary {
  status: 'covered' | 'no-cover';
  severity: 'Critical' | 'High' | 'Medium';
  urgency: 'immediate' | 'high' | 'normal';
  /** The chosen levers, in the order to pull them. */
  levers: RecommendedLever[];
  /** Counterexamples (original, shrunk, re-fuzzed) the chosen levers stop, of those replayed. */
  prevented: number;
  replayed: number;
  /** Re-fuzzing rounds run with the levers pulled, and counterexamples found around them. */
  refuzz: { rounds: number; found: number };
  /** Honest traffic replayed with the chosen levers pulled. */
  sideEffects?: { calls: number; blockedCalls: number; exitsBlocked: boolean; liquidationsBlocked: boolean };
  /** Next-best covers, best first. */
  alternatives: { levers: string[]; weight: number }[];
  /** Files written by `vigil recommend`, relative to the working directory. */
  files?: { recommendation: string; safeBatch?: string; undoBatch?: string };
}

export interface RecommendedLever {
  id: string;
  kind: string;
  /** Display form, e.g. `market.setFrozen(0x…, true)`. */
  call: string;
  to: string;
  calldata: string;
  signer?: string;
  /** Display form of its undo, when one exists. */
  undo?: string;
}

export interface SolidityLocation extends SourceLocation {
  contract: string;
  /** Function name, or `constructor` / `fallback` / `receive`; absent for a bare assertion site. */
  function?: string;
}

export interface FunctionStats {
  contract: string;
  function: string;
  calls: number;
  reverts: number;
}

export interface CheckStatus {
  kind: 'invariant' | 'property';
  name: string;
  status: 'passed' | 'failed' | 'error';
  checks: number;
  provable?: boolean;
}

export interface CoverageRecord {
  contracts: { name: string; instructionsCovered: number; instructionsTotal: number }[];
  /**
   * Source lines of the targets (from source maps): lines that hold code, and those whose
   * code ran at least once in the campaign (in any worker). Files relative to the working
   * directory; dependencies (node_modules, a Foundry `lib/`, Vigil's forge-std-lite) and
   * compiler-generated sources are left out.
   */
  lines?: LineCoverageRecord[];
}

export interface LineCoverageRecord {
  file: string;
  /** Sorted 1-based line numbers that map to some instruction. */
  coverable: number[];
  /** Sorted subset of `coverable` that ran. */
  covered: number[];
}

/**
 * One sample of a campaign's progress, taken at the end of a run (at most ~200 per spec):
 * everything but `ms` is deterministic for a seed. With workers, sample i joins the workers'
 * i-th samples: runs and calls add up, edges are the most of any worker, and findings count
 * the reported ones whose counterexample's run (in its worker) had ended.
 */
export interface TimelineSample {
  /** Timing: milliseconds since the campaign started. */
  ms: number;
  runs: number;
  calls: number;
  /** Distinct findings so far. */
  findings: number;
  /** Jump edges covered so far. */
  edges: number;
}

export interface SpecStats {
  runs: number;
  calls: number;
  reverts: number;
  /** Timing. */
  durationMs: number;
  /** Timing. */
  callsPerSec: number;
  /** What hybrid fuzzing (Z3 on branches the fuzzer kept missing) did; absent when it never ran a round. */
  hybrid?: HybridRecord;
}

export interface HybridRecord {
  /** Stalls at which corpus sequences were explored symbolically. */
  rounds: number;
  /** Corpus sequences whose last call was explored. */
  explored: number;
  /** Z3 queries, each bounded by Z3's resource limit. */
  queries: number;
  /** Branch sides reached by a candidate value without Z3. */
  concrete: number;
  /** Branch sides Z3 found a model for. */
  solved: number;
  /** Proposed sequences run for real (with every check). */
  candidates: number;
  /** Edges first reached by the admitted ones. */
  newEdges: number;
  /** Proposed sequences the EVM confirmed (they took an aimed branch side), added to the corpus. */
  corpusEntries: number;
  /** Timing. */
  timeMs: number;
  /** Why hybrid fuzzing stopped early, if it did (the search went on without it). */
  disabled?: string;
}

export interface SpecError {
  code: string;
  message: string;
  hint: string;
  meta: string[];
}

export interface StaleFinding {
  id: string;
  message: string;
}

/** The settings a spec actually ran with. */
export interface SpecSettings {
  seed: string;
  runs: number;
  depth: number;
  shrinkLimit: number;
  timeLimitMs?: number;
}

export interface SpecResult {
  name: string;
  file: string;
  status: RunStatus;
  findings: Finding[];
  checks: CheckStatus[];
  functions: FunctionStats[];
  coverage: CoverageRecord;
  stats: SpecStats;
  /** Present once the spec loaded. */
  settings?: SpecSettings;
  error?: SpecError;
  /** Persisted counterexamples that no longer fail: the bug may be fixed, or the corpus is out of date. */
  staleFindings?: StaleFinding[];
  /** Set for a Solidity-native suite (forge / Echidna / Medusa test contract run as it is). */
  suite?: SuiteRecord;
  /** Progress over the campaign, for plots of findings and coverage over time. */
  timeline?: TimelineSample[];
  /** Verdicts of `vigil prove` (absent when the spec was only fuzzed). */
  proofs?: ProofRecord[];
}

/** What the prover concluded about one check. A bounded result always carries its bounds. */
export type Verdict = 'proved-inductive' | 'proved-bounded' | 'counterexample' | 'unknown' | 'vacuous' | 'error' | 'fuzz-only';

export interface ProofRecord {
  kind: 'invariant' | 'property';
  name: string;
  verdict: Verdict;
  /** For proved-bounded (and unknown within a bound): calls from the deployed state. */
  depth?: number;
  /** Loop iterations unrolled per path. */
  loopBound?: number;
  /** Why unknown / vacuous / error / fuzz-only, e.g. `solver timeout after 30000 ms` or the construct and its file:line. */
  reason?: string;
  /** The check in the spec. */
  location?: SourceLocation;
  /** For a counterexample: the id of the finding (in `findings`) holding its replayed sequence. */
  findingId?: string;
  /** For a counterexample: the solver's model, or the concrete search `vigil prove` runs first. */
  foundBy?: 'solver' | 'concrete-search';
  /** Timing. */
  timeMs: number;
}

export interface SuiteRecord {
  kind: 'foundry' | 'echidna' | 'medusa' | 'assertion';
  /** The .sol file, relative to the project root. */
  file: string;
  /** The project root, relative to the working directory ('.' for itself). */
  root: string;
  contract: string;
}

export interface ReportSettings {
  seed: string;
  runs: number;
  depth: number;
  timeLimitMs?: number;
  shrinkLimit: number;
  workers: number;
  command: string;
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'vigil'; version: string };
  status: RunStatus;
  /** Timing: ISO 8601. */
  createdAt: string;
  /** Timing. */
  durationMs: number;
  interrupted?: boolean;
  settings: ReportSettings;
  compiler: { version: string; evmVersion: string; hardfork: string };
  specs: SpecResult[];
  /** Set by `vigil run --shard i/n` (one machine's part of a run) and by `vigil merge` (the parts joined). */
  shard?: ShardRecord;
}

/**
 * Shard i of n with m workers each ran workers (i−1)·m … i·m−1 of an n·m-worker run;
 * merging all n gives the report of that run (see `vigil merge`).
 */
export interface ShardRecord {
  /** 1-based; absent in a merged report. */
  index?: number;
  count: number;
  /** Worker threads per shard (`--workers`). */
  workersPerShard: number;
  /** The commit the shards ran on, when known (git HEAD, or GITHUB_SHA). */
  commit?: string;
  /** In a merged report: the shard reports it joins, in shard order. */
  mergedFrom?: { index: number; file: string }[];
}
