import { isAddress, type Hex } from 'viem';
import { VigilError } from '../errors/VigilError.js';
import type { SourceMapper } from '../compile/SourceMapper.js';
import type { Deployment } from '../spec/deploySpec.js';
import type { DeployedContract } from '../spec/DeployedContract.js';
import { findLine } from '../spec/findLine.js';
import { propertyApplies } from './propertyApplies.js';
import { locateInStack } from '../spec/locateInStack.js';
import { makeHandle, ViewCallReverted, type HandleEnv } from '../spec/makeHandle.js';
import type { CallInfo, PropertyDecl } from '../spec/types.js';
import type { SourceLocation } from '../report/types.js';
import type { ExecutedCall } from './ExecutedCall.js';
import { matchesPattern } from './selectTargets.js';
import type { Violation } from './Violation.js';
import { assertionViolations, type AssertionContext } from './assertionViolations.js';
import type { Checks } from './Checks.js';
import { CheckTimeout, CheckTimer } from './CheckTimer.js';

export interface CheckRunnerOptions {
  specName: string;
  assertions: boolean;
  sourceMapper: SourceMapper;
  /** Runtime code objects of the deployed contracts (identity), for locating assertions. */
  codeToContract: ReadonlyMap<Uint8Array, DeployedContract>;
  /** topic0 of every `AssertionFailed(...)` event in the ABIs. */
  assertionTopics: ReadonlySet<string>;
  /** Where each check is declared (`invariant:name` → file:line), from the spec's source. */
  locations?: ReadonlyMap<string, SourceLocation>;
  /** Wall-clock cap for one evaluation of a check (default: none). */
  checkTimeoutMs?: number;
  /** In a worker thread: the slot the parent watches (see CheckTimer). */
  checkSlot?: SharedArrayBuffer;
}

type AnyProperty = PropertyDecl<never, never>;
type Ghosts = Record<string, unknown>;

/**
 * Evaluates a spec's checks after each call: properties that apply to the call (with
 * the pre-state through `old`), every invariant, and assertion failures inside the call.
 * It also keeps the per-run context: ghosts, and the addresses and keys seen so far.
 */
export class CheckRunner implements Checks {
  private readonly view: Record<string, object>;
  private readonly pre: Record<string, object>;
  private readonly preOf = new WeakMap<object, object>();
  private baseGhosts: Ghosts = {};
  private ghosts: Ghosts = {};
  private holders: Hex[] = [];
  private ctx: Record<string, unknown> | undefined;
  private holderSet = new Set<string>();
  private uintKeys: bigint[] = [];
  private uintSet = new Set<bigint>();
  private readonly invariants: [string, (ctx: never) => unknown][];
  private readonly properties: [string, AnyProperty][];
  readonly counts = new Map<string, number>();
  private readonly assertionContext: AssertionContext;
  private readonly timer: CheckTimer;

  constructor(private readonly d: Deployment, private readonly options: CheckRunnerOptions) {
    this.timer = new CheckTimer(options.checkTimeoutMs ?? 0, options.checkSlot);
    const env: HandleEnv = { chain: d.chain, specFile: d.specFile, abis: d.abis, stopped: () => this.timer.timedOut };
    this.view = Object.fromEntries(d.contracts.map((c) => [c.key, makeHandle(env, c, 'view', d.deployer)]));
    this.pre = Object.fromEntries(d.contracts.map((c) => [c.key, makeHandle(env, c, 'pre', d.deployer)]));
    for (const c of d.contracts) this.preOf.set(this.view[c.key]!, this.pre[c.key]!);
    this.invariants = Object.entries(d.spec.invariants ?? {}) as never;
    this.properties = Object.entries(d.spec.properties ?? {}) as never;
    this.baseGhosts = Object.fromEntries(Object.entries(d.spec.ghosts ?? {}).map(([k, g]) => [k, g.initial]));
    this.assertionContext = { ...options, byAddress: d.byAddress };
    this.reset();
  }

  get checkNames(): { kind: 'invariant' | 'property'; name: string }[] {
    return [
      ...this.invariants.map(([name]) => ({ kind: 'invariant' as const, name })),
      ...this.properties.map(([name]) => ({ kind: 'property' as const, name })),
    ];
  }

  /** Back to the state right after set-up. */
  reset(): void {
    this.ghosts = { ...this.baseGhosts };
    this.holders = [];
    this.holderSet = new Set();
    this.uintKeys = [];
    this.uintSet = new Set();
    for (const a of [...this.d.actors, this.d.deployer, ...this.d.contracts.map((c) => c.address)]) this.addHolder(a);
  }

  /** Makes the current ghosts the ones every run starts from (after set-up calls). */
  commitBaseline(): void {
    this.baseGhosts = { ...this.ghosts };
  }

  /** Ghost updates and seen keys for a call; returns the ghosts as they were before it. */
  observe(executed: ExecutedCall): Ghosts {
    const before = this.ghosts;
    for (const arg of executed.call.args) this.collectKeys(arg);
    // Indexed event arguments name addresses too (a vault paying a receiver, a pool seizing from a borrower).
    for (const log of executed.result.logs) {
      for (let i = 1; i < log.topics.length; i++) {
        const word = BigInt(log.topics[i]!);
        if (word > 0xffffn && word < 1n << 160n) this.addHolder(`0x${word.toString(16).padStart(40, '0')}`);
      }
    }
    const ghostDecls = this.d.spec.ghosts;
    if (ghostDecls === undefined) return before;
    const info = executed.toInfo();
    const next: Ghosts = { ...before };
    for (const [name, g] of Object.entries(ghostDecls)) {
      for (const [pattern, update] of Object.entries(g.onCall ?? {})) {
        if (matchesPattern(pattern, info.contract, executed.call.target.fn, info.signature)) next[name] = update(next[name], info);
      }
      for (const [pattern, update] of Object.entries(g.onEvent ?? {})) {
        for (const ev of info.events) if (pattern === `${ev.contract}.${ev.name}` || pattern === `*.${ev.name}`) next[name] = update(next[name], ev, info);
      }
    }
    this.ghosts = next;
    return before;
  }

  /** Every violation after `executed`, except those whose id is in `skip`. */
  async check(executed: ExecutedCall, ghostsBefore: Ghosts, skip: ReadonlySet<string>): Promise<Violation[]> {
    const out: Violation[] = [];
    if (this.options.assertions) out.push(...assertionViolations(executed, this.assertionContext).filter((v) => !skip.has(v.id)));
    const info = this.properties.length > 0 ? executed.toInfo() : undefined;
    const base = this.context();
    for (const [name, prop] of this.properties) {
      const id = `${this.options.specName}:property:${name}`;
      if (skip.has(id) || !appliesTo(prop, executed)) continue;
      const ctx = { ...base, call: info!, old: (x: unknown) => this.old(x, ghostsBefore) };
      const failure = await this.evaluate('property', name, () => prop.check(ctx as never));
      if (failure !== undefined) out.push({ id, kind: 'property', name, message: failure, location: this.locate('property', name) });
    }
    for (const [name, fn] of this.invariants) {
      const id = `${this.options.specName}:invariant:${name}`;
      if (skip.has(id)) continue;
      const failure = await this.evaluate('invariant', name, () => fn(base as never));
      if (failure !== undefined) out.push({ id, kind: 'invariant', name, message: failure, location: this.locate('invariant', name) });
    }
    return out;
  }

  /** Each invariant's value now: true, false, or the revert that stopped it (for traces). */
  async invariantValues(): Promise<{ name: string; holds: boolean; note?: string }[]> {
    const out: { name: string; holds: boolean; note?: string }[] = [];
    for (const [name, fn] of this.invariants) {
      const failure = await this.evaluate('invariant', name, () => fn(this.context() as never), false);
      out.push({ name, holds: failure === undefined, note: failure });
    }
    return out;
  }

  /**
   * The context checks receive. Built once: ghosts, clock and collections are read
   * through getters and live arrays, so no object is rebuilt after every call.
   */
  private context(): Record<string, unknown> {
    if (this.ctx !== undefined) return this.ctx;
    const self = this;
    const chain = this.d.chain;
    const chainView = {
      get timestamp() {
        return chain.timestamp;
      },
      get blockNumber() {
        return chain.blockNumber;
      },
      balanceOf: (a: Hex) => chain.getBalance(a),
    };
    this.ctx = {
      ...this.view,
      contracts: this.view,
      actors: this.d.actors,
      get holders() {
        return self.holders;
      },
      get keys() {
        return { address: self.holders, uint: self.uintKeys };
      },
      get ghosts() {
        return self.ghosts;
      },
      chain: chainView,
    };
    return this.ctx;
  }

  private old(x: unknown, ghostsBefore: Ghosts): unknown {
    if (x === this.ghosts) return ghostsBefore;
    if (typeof x === 'object' && x !== null) {
      const pre = this.preOf.get(x);
      if (pre !== undefined) return pre;
    }
    throw new VigilError('SPEC_INVALID', 'old(...) takes a contract handle or `ghosts`', {
      hint: 'Write `old(token).balanceOf(a)` or `old(ghosts).minted`.',
    });
  }

  private async evaluate(kind: string, name: string, run: () => unknown, count = true): Promise<string | undefined> {
    if (count) this.counts.set(`${kind}:${name}`, (this.counts.get(`${kind}:${name}`) ?? 0) + 1);
    let value: unknown;
    try {
      value = await this.timer.run(run);
    } catch (e) {
      if (e instanceof ViewCallReverted) return `${kind} ${name}: view call ${e.message}`;
      if (e instanceof CheckTimeout) {
        throw new VigilError('INVARIANT_TIMEOUT', `${kind} ${name} did not return within ${e.limitMs / 1000} s and was stopped`, {
          meta: [`at ${findLine(this.d.specFile, `${name}:`)}`],
        });
      }
      if (e instanceof VigilError) throw e;
      const where = locateInStack((e as Error).stack, this.d.specFile) ?? findLine(this.d.specFile, `${name}:`);
      throw new VigilError('INVARIANT_THREW', `${kind} ${name} threw: ${(e as Error).message}`, { meta: [`at ${where}`], cause: e });
    }
    if (typeof value !== 'boolean') {
      throw new VigilError('INVARIANT_THREW', `${kind} ${name} returned ${typeof value === 'bigint' ? `${value}n` : JSON.stringify(value)}, not a boolean`, {
        meta: [`at ${findLine(this.d.specFile, `${name}:`)}`],
        hint: 'A check must return true or false; compare values with ===, <= etc. and await view calls.',
      });
    }
    return value ? undefined : `${kind} ${name} broken`;
  }

  private locate(kind: 'invariant' | 'property', name: string): SourceLocation | undefined {
    const known = this.options.locations?.get(`${kind}:${name}`);
    if (known !== undefined) return known;
    const at = findLine(this.d.specFile, `${name}:`);
    const m = /:(\d+)$/.exec(at);
    return m ? { file: at.slice(0, -m[0].length), line: Number(m[1]), column: 1 } : undefined;
  }

  private addHolder(a: string): void {
    const lower = a.toLowerCase();
    if (this.holderSet.has(lower)) return;
    this.holderSet.add(lower);
    this.holders.push(lower as Hex);
  }

  private collectKeys(arg: unknown): void {
    if (typeof arg === 'string' && arg.length === 42 && isAddress(arg, { strict: false })) this.addHolder(arg);
    else if (typeof arg === 'bigint' && arg >= 0n && !this.uintSet.has(arg) && this.uintKeys.length < 1024) {
      this.uintSet.add(arg);
      this.uintKeys.push(arg);
    } else if (Array.isArray(arg)) for (const x of arg) this.collectKeys(x);
  }
}

function appliesTo(prop: AnyProperty, executed: ExecutedCall): boolean {
  return propertyApplies(prop.on, executed.call.target);
}

export type { CallInfo };
