import type { Abi, ContractConstructorArgs, ContractFunctionArgs, ContractFunctionName, ContractFunctionReturnType, Hex } from 'viem';
import type { AbiOf, ContractName } from './ArtifactRegistry.js';

type ReadOnly = 'view' | 'pure';
type Any = 'view' | 'pure' | 'nonpayable' | 'payable';

/** A deployed contract whose view and pure functions can be called (in invariants and properties). */
export type ViewHandle<A extends Abi> = {
  readonly [F in ContractFunctionName<A, ReadOnly>]: (
    ...args: ContractFunctionArgs<A, ReadOnly, F> & readonly unknown[]
  ) => Promise<ContractFunctionReturnType<A, ReadOnly, F>>;
} & HandleInfo<A>;

/** A deployed contract whose every function can be called, as a transaction for state-changing ones (set-up). */
export type WriteHandle<A extends Abi> = {
  readonly [F in ContractFunctionName<A, Any>]: (
    ...args: ContractFunctionArgs<A, Any, F> & readonly unknown[]
  ) => Promise<ContractFunctionReturnType<A, Any, F>>;
} & HandleInfo<A>;

export interface HandleInfo<A extends Abi> {
  readonly address: Hex;
  readonly contractName: string;
  readonly abi: A;
}

export interface ContractDecl<N extends ContractName = ContractName> {
  /** The Solidity contract name, as compiled from `sources`. */
  contract: N;
  /**
   * Constructor arguments; `addressOf('key')` stands for a contract deployed before this one.
   * A function of the contracts deployed before is accepted too (annotate its parameter as `Deployed`).
   */
  args?: readonly unknown[] | ((deployed: Deployed) => readonly unknown[]);
  /** Wei sent with the deployment. */
  value?: bigint;
  /** Deployer of this contract; the spec's deployer by default. */
  from?: Hex;
}

export type ContractsDecl = Record<string, ContractDecl>;

/** The contracts deployed so far, by key, as an `args` function receives them. */
export type Deployed = Readonly<Record<string, { readonly address: Hex }>>;

export type ViewHandles<C extends ContractsDecl> = { readonly [K in keyof C]: ViewHandle<AbiOf<C[K]['contract']>> };
export type WriteHandles<C extends ContractsDecl> = { readonly [K in keyof C]: WriteHandle<AbiOf<C[K]['contract']>> };

/** What a fuzzed call did, as properties and ghosts see it. */
export interface CallInfo {
  /** The spec's key of the contract called, e.g. `token`. */
  contract: string;
  /** The function's name. */
  function: string;
  /** Full signature, e.g. `transfer(address,uint256)`. */
  signature: string;
  sender: Hex;
  // Properties are written for one function each; `any` keeps `call.args[1] + x` free of casts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  args: readonly any[];
  value: bigint;
  reverted: boolean;
  /** Decoded return value (the single value, or an array for several outputs); undefined on revert. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  result: any;
  /** Decoded revert reason, e.g. `Error("paused")`. */
  revertReason?: string;
  events: EventInfo[];
}

export interface EventInfo {
  contract: string;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  args: Record<string, any>;
}

export interface GhostDecl<T> {
  initial: T;
  /** Updates after a call, keyed by `contract.function` (or `contract.*`). */
  onCall?: Record<string, (value: T, call: CallInfo) => T>;
  /** Updates for each event, keyed by `contract.EventName`. */
  onEvent?: Record<string, (value: T, event: EventInfo, call: CallInfo) => T>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GhostsDecl = Record<string, GhostDecl<any>>;
export type GhostValues<G extends GhostsDecl> = { readonly [K in keyof G]: G[K]['initial'] };

/** Read-only chain facts for checks. */
export interface ChainView {
  readonly timestamp: bigint;
  readonly blockNumber: bigint;
  balanceOf(address: Hex): Promise<bigint>;
}

export interface CheckContext<C extends ContractsDecl, G extends GhostsDecl> {
  readonly actors: readonly Hex[];
  /** Every address seen during the run: actors, contracts, call arguments, event arguments. */
  readonly holders: readonly Hex[];
  /** Mapping keys seen during the run, by ABI kind. */
  readonly keys: { readonly address: readonly Hex[]; readonly uint: readonly bigint[] };
  readonly ghosts: GhostValues<G>;
  readonly chain: ChainView;
  readonly contracts: ViewHandles<C>;
}

export type InvariantContext<C extends ContractsDecl, G extends GhostsDecl> = ViewHandles<C> & CheckContext<C, G>;

export type PropertyContext<C extends ContractsDecl, G extends GhostsDecl> = InvariantContext<C, G> & {
  readonly call: CallInfo;
  /** The value as it was before the call: a contract handle bound to the pre-state, or the ghosts. */
  old<T>(value: T): T;
};

export type InvariantFn<C extends ContractsDecl, G extends GhostsDecl> = (ctx: InvariantContext<C, G>) => boolean | Promise<boolean>;

export interface PropertyDecl<C extends ContractsDecl, G extends GhostsDecl> {
  /** Which calls it applies to: `contract.function` patterns (`token.transfer`, `token.*`); all target calls by default. */
  on?: string | readonly string[];
  check: (ctx: PropertyContext<C, G>) => boolean | Promise<boolean>;
}

export interface SetupContext<C extends ContractsDecl> {
  readonly actors: readonly Hex[];
  readonly deployer: Hex;
  readonly contracts: WriteHandles<C>;
  /** The same handles, sending from another address. */
  as(sender: Hex): WriteHandles<C>;
  setBalance(address: Hex, wei: bigint): Promise<void>;
  warp(seconds: bigint): void;
  roll(blocks: bigint): void;
}

export interface FuzzSettings {
  runs?: number;
  depth?: number;
  /** Largest time jump between calls, in seconds (0 disables). */
  maxTimeDelay?: number;
  maxBlockDelay?: number;
  shrinkLimit?: number;
  /** Treat Panic(0x01) and AssertionFailed events as findings (default true). */
  assertions?: boolean;
}

/** `key.function` of a state-changing function of the spec's contracts, typed from the ABIs: `vault.pause`. */
export type CallName<C extends ContractsDecl> = {
  [K in keyof C & string]: `${K}.${ContractFunctionName<AbiOf<C[K]['contract']>, 'nonpayable' | 'payable'>}`;
}[keyof C & string];

/** A pause lever's kind, least to most disruptive (`parameter`: a tuning setter such as a cap). */
export type LeverKind = 'rate-limit' | 'parameter' | 'freeze' | 'close-function' | 'pause-asset' | 'pause-contract' | 'global';

/** A call with fixed arguments; `addressOf('key')` stands for a deployed contract. */
export interface CallDecl<C extends ContractsDecl> {
  call: CallName<C>;
  args?: readonly unknown[];
}

/** A lever the guardians can pull when a check breaks (see `vigil recommend`). */
export interface LeverDecl<C extends ContractsDecl> extends CallDecl<C> {
  kind: LeverKind;
  /** What undoes it: a function name (same arguments) or a call of its own. */
  undo?: CallName<C> | CallDecl<C>;
  /** Who sends it; found on the chain (owner, roles, a trial in a snapshot) when absent. */
  from?: Hex;
}

/** One step of honest traffic a spec declares (exits, liquidations) to measure what levers block. */
export interface ScenarioStep<C extends ContractsDecl> extends CallDecl<C> {
  from: Hex;
  value?: bigint;
  /** Seconds the chain advances before the step. */
  timeDelta?: bigint;
}

export interface SpecDecl<C extends ContractsDecl, G extends GhostsDecl> {
  name?: string;
  /** Solidity files to compile, relative to the spec file. */
  sources: readonly string[];
  remappings?: readonly string[];
  contracts: C;
  actors?: readonly Hex[];
  deployer?: Hex;
  /** Wei given to each actor and the deployer before deployment. */
  fund?: bigint;
  setup?: (ctx: WriteHandles<C> & SetupContext<C>) => void | Promise<void>;
  targets?: {
    include?: readonly string[];
    exclude?: readonly string[];
    senders?: readonly Hex[];
    /**
     * Where address arguments come from: `'actors'` only (as a handler that maps every
     * address onto an actor), `'known'` (actors, deployed contracts, addresses seen), or
     * `'any'` (those, plus zero and random addresses; the default).
     */
    addresses?: 'actors' | 'known' | 'any';
  };
  ghosts?: G;
  invariants?: Record<string, InvariantFn<C, G>>;
  properties?: Record<string, PropertyDecl<C, G>>;
  fuzz?: FuzzSettings;
  /** Pause levers, declared when the ABI's names do not tell (caps, custom switches), or to set their kind. */
  levers?: Record<string, LeverDecl<C>>;
  /** Honest call sequences, run from the post-set-up state, that levers should leave working. */
  scenarios?: Record<string, readonly ScenarioStep<C>[]>;
}

export interface Spec<C extends ContractsDecl = ContractsDecl, G extends GhostsDecl = GhostsDecl> extends SpecDecl<C, G> {
  readonly kind: 'vigil-spec';
}

export type { ContractConstructorArgs };
