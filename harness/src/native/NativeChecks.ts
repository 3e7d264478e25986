import { decodeFunctionResult, encodeFunctionData, type AbiFunction, type Hex } from 'viem';
import { decodeRevert } from '../abi/decodeRevert.js';
import type { TestChain } from '../chain/TestChain.js';
import type { CallResult } from '../chain/types.js';
import type { SourceLocation } from '../report/types.js';
import { assertionViolations, type AssertionContext } from '../fuzz/assertionViolations.js';
import type { Checks } from '../fuzz/Checks.js';
import type { ExecutedCall } from '../fuzz/ExecutedCall.js';
import type { Violation } from '../fuzz/Violation.js';
import type { DeployedContract } from '../spec/DeployedContract.js';

export interface NativeCheck {
  /** The Solidity function: `invariant_supply`, `echidna_balance`, `property_x`. */
  fn: AbiFunction;
  /** Echidna / Medusa properties must return true; forge invariants must not revert. */
  mustReturnTrue: boolean;
  location?: SourceLocation;
}

export interface NativeChecksOptions {
  specName: string;
  chain: TestChain;
  test: DeployedContract;
  caller: Hex;
  checks: NativeCheck[];
  assertions: boolean;
  assertionContext: AssertionContext;
  /** forge's `fail_on_revert`: a reverting target call is a failure. */
  failOnRevert: boolean;
  afterInvariant?: AbiFunction;
}

/** An EVM error of a write inside a static call (ethereumjs' wording). */
const STATIC_WRITE = 'static state change';

/**
 * The checks of a Solidity-native suite: its invariant / property functions called on the
 * suite contract after every call, as forge and Echidna call them. A function declared
 * view runs as a static call (cached until a slot it read changes); any other first tries a
 * static call too, and runs as a call undone by a snapshot if it turns out to write.
 */
export class NativeChecks implements Checks {
  readonly counts = new Map<string, number>();
  private readonly writes = new Set<string>();
  private readonly data = new Map<string, Hex>();

  constructor(private readonly o: NativeChecksOptions) {
    for (const c of [...o.checks.map((x) => x.fn), ...(o.afterInvariant ? [o.afterInvariant] : [])]) {
      this.data.set(c.name, encodeFunctionData({ abi: [c], functionName: c.name }));
    }
  }

  get checkNames(): { kind: 'invariant' | 'property'; name: string }[] {
    return [
      ...this.o.checks.map((c) => ({ kind: 'invariant' as const, name: c.fn.name })),
      ...(this.o.afterInvariant ? [{ kind: 'invariant' as const, name: 'afterInvariant' }] : []),
    ];
  }

  reset(): void {
    this.o.chain.cheats?.reset();
  }

  commitBaseline(): void {
    this.o.chain.cheats?.commitBaseline();
  }

  observe(): Record<string, unknown> {
    return {};
  }

  async check(executed: ExecutedCall, _before: Record<string, unknown>, skip: ReadonlySet<string>): Promise<Violation[]> {
    const out: Violation[] = [];
    if (this.o.assertions) out.push(...assertionViolations(executed, this.o.assertionContext).filter((v) => !skip.has(v.id)));
    if (this.o.failOnRevert && executed.reverted && !isAssumeRejection(executed.result)) {
      const { target } = executed.call;
      const where = `${target.contract.name}.${target.fn.name}`;
      const id = `${this.o.specName}:assertion:revert in ${where}`;
      if (!skip.has(id)) out.push({ id, kind: 'assertion', name: `revert in ${where}`, message: `${where} reverted with fail_on_revert set: ${executed.revertReason()}` });
    }
    for (const c of this.o.checks) {
      const id = `${this.o.specName}:invariant:${c.fn.name}`;
      if (skip.has(id)) continue;
      const failure = await this.evaluate(c, true);
      if (failure !== undefined) out.push({ id, kind: 'invariant', name: c.fn.name, message: failure, location: c.location });
    }
    return out;
  }

  async afterRun(skip: ReadonlySet<string>): Promise<Violation[]> {
    const fn = this.o.afterInvariant;
    const id = `${this.o.specName}:invariant:afterInvariant`;
    if (fn === undefined || skip.has(id)) return [];
    const failure = await this.evaluate({ fn, mustReturnTrue: false }, true);
    return failure === undefined ? [] : [{ id, kind: 'invariant', name: 'afterInvariant', message: failure }];
  }

  async invariantValues(): Promise<{ name: string; holds: boolean; note?: string }[]> {
    const out: { name: string; holds: boolean; note?: string }[] = [];
    for (const c of this.o.checks) {
      const failure = await this.evaluate(c, false);
      out.push({ name: c.fn.name, holds: failure === undefined, note: failure });
    }
    return out;
  }

  /** undefined when the check holds, else why it does not. */
  private async evaluate(c: NativeCheck, count: boolean): Promise<string | undefined> {
    const name = c.fn.name;
    if (count) this.counts.set(`invariant:${name}`, (this.counts.get(`invariant:${name}`) ?? 0) + 1);
    const r = await this.run(name);
    if (r.status === 'halt') return `${name}() halted: ${r.error}`;
    if (r.status === 'revert') return `${name}() reverted: ${decodeRevert(r.returnData, [this.o.test.abi]).text}`;
    if (!c.mustReturnTrue) return undefined;
    try {
      return (decodeFunctionResult({ abi: [c.fn], functionName: name, data: r.returnData }) as unknown) === true ? undefined : `${name}() returned false`;
    } catch {
      return `${name}() returned malformed data ${r.returnData.slice(0, 74)}`;
    }
  }

  private async run(name: string): Promise<CallResult> {
    const { chain, test, caller } = this.o;
    const request = { from: caller, to: test.address, data: this.data.get(name)! };
    if (!this.writes.has(name)) {
      const r = await chain.staticCall(request);
      if (!(r.status === 'halt' && r.error === STATIC_WRITE)) return r;
      this.writes.add(name);
    }
    const snap = chain.snapshot();
    try {
      return await chain.call(request);
    } finally {
      chain.revertTo(snap);
      chain.release(snap);
    }
  }
}

function isAssumeRejection(r: CallResult): boolean {
  // Error("FOUNDRY::ASSUME")
  return r.status === 'revert' && r.returnData.includes('464f554e4452593a3a415353554d45');
}
