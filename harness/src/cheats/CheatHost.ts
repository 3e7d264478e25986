import { EVMError, type EVM, type Message } from '@ethereumjs/evm';
import { Account, createAddressFromString, equalsBytes, type Address } from '@ethereumjs/util';
import {
  bytesToHex, decodeAbiParameters, encodeAbiParameters, encodeErrorResult, hexToBytes, parseAbiItem, toFunctionSelector,
  type AbiFunction, type Hex,
} from 'viem';
import type { JournalState } from '../chain/JournalState.js';
import { assertCheats } from './assertCheats.js';
import { CHEATCODE_ADDRESS } from './cheatAddresses.js';
import { CheatFailure } from './CheatFailure.js';
import type { CheatContext, Cheatcode } from './Cheatcode.js';
import { CheatState, type ExpectedEmit } from './CheatState.js';
import { envCheats } from './envCheats.js';
import { expectCheats } from './expectCheats.js';
import { prankCheats } from './prankCheats.js';
import { stateCheats } from './stateCheats.js';
import { toStringCheats } from './toStringCheats.js';
import { unsupportedCheats } from './unsupportedCheats.js';

type RunCall = EVM['runCall'];
type CallOutcome = Awaited<ReturnType<RunCall>>;
type ExecResult = CallOutcome['execResult'];

interface Entry {
  fn: AbiFunction;
  signature: string;
  run: Cheatcode['run'];
}

const ERROR_ABI = [{ type: 'error', name: 'Error', inputs: [{ type: 'string', name: 'message' }] }] as const;
/** Solidity decodes the output of a call forge turned into a success; zeros decode as defaults. */
const DUMMY_OUTPUT = new Uint8Array(8192);

function buildTable(): { implemented: Map<string, Entry>; unsupported: Map<string, string> } {
  const implemented = new Map<string, Entry>();
  for (const c of [...prankCheats, ...stateCheats, ...assertCheats, ...envCheats, ...expectCheats, ...toStringCheats]) {
    const fn = parseAbiItem(c.signature) as AbiFunction;
    const signature = `${fn.name}(${fn.inputs.map((i) => i.type).join(',')})`;
    implemented.set(toFunctionSelector(fn), { fn, signature, run: c.run });
  }
  const unsupported = new Map(unsupportedCheats.map((s) => [toFunctionSelector(`function ${s}`), s]));
  return { implemented, unsupported };
}

export interface CheatHooks {
  block: CheatContext['block'];
  env?: (name: string) => string | undefined;
}

/**
 * Foundry / hevm cheatcodes at 0x7109…d12d for one EVM. Nested calls go through
 * `evm.runCall`; the host wraps it on this EVM instance, so a call to the cheatcode
 * address runs a handler from the table instead of code, and pranks and expectations
 * apply to the caller's next call at the same depth, as in forge.
 */
export class CheatHost {
  readonly state = new CheatState();
  private readonly table = buildTable();
  private readonly cheatBytes = createAddressFromString(CHEATCODE_ADDRESS).bytes;

  constructor(private readonly evm: EVM, private readonly journalState: JournalState, private readonly hooks: CheatHooks) {}

  /** Puts code at the cheat address (Solidity checks extcodesize) and routes calls through the host. */
  async install(): Promise<void> {
    const addr = createAddressFromString(CHEATCODE_ADDRESS);
    await this.journalState.putAccount(addr, new Account());
    await this.journalState.putCode(addr, new Uint8Array([0x00]));
    const original = this.evm.runCall.bind(this.evm);
    this.evm.runCall = (opts) => {
      const m = opts.message;
      if (m === undefined) return original(opts);
      if (m.to !== undefined && this.isCheatAddress(m.to)) return this.runCheat(m);
      return this.runPranked(m, () => original(opts));
    };
    this.hookLogs();
    this.hookValueCalls();
  }

  /**
   * A pranked call with value spends the pranked sender's ether, as in forge. The
   * interpreter checks the calling frame's own balance before the call reaches runCall,
   * so for that check the frame is shown an account holding the sender's balance.
   */
  private hookValueCalls(): void {
    const opcodeMap = (this.evm as unknown as { _opcodeMap: ({ opHandler: (rs: CallRunState, c: unknown) => unknown } | undefined)[] })._opcodeMap;
    for (const code of [0xf1, 0xf2]) {
      const entry = opcodeMap[code];
      if (entry === undefined) continue;
      const original = entry.opHandler;
      entry.opHandler = (rs, common) => {
        const prank = this.state.prank;
        const env = rs.interpreter._env;
        if (prank === undefined || prank.depth !== env.depth + 1 || prank.caller !== env.address.toString()) return original(rs, common);
        const own = env.contract;
        const shown = new Account(own.nonce, this.journalState.accountNow(prank.sender)?.balance ?? 0n, own.storageRoot, own.codeHash);
        env.contract = shown;
        const restore = () => {
          if (env.contract === shown) env.contract = own;
        };
        return Promise.resolve(original(rs, common)).finally(restore);
      };
    }
  }

  private isCheatAddress(a: Address): boolean {
    return equalsBytes(a.bytes, this.cheatBytes);
  }

  private async runPranked(m: Message, run: () => Promise<CallOutcome>): Promise<CallOutcome> {
    const s = this.state;
    if (s.prank === undefined && s.expectedRevert === undefined && s.expectedEmit === undefined) return run();
    const caller = m.caller.toString();
    const e = this.evm as unknown as { _tx: { origin: Address; gasPrice: bigint } };
    let restoreOrigin: Address | undefined;
    if (s.prank !== undefined && m.delegatecall !== true && s.prank.caller === caller && s.prank.depth === m.depth) {
      m.caller = s.prank.sender;
      if (s.prank.origin !== undefined) {
        restoreOrigin = e._tx.origin;
        e._tx = { ...e._tx, origin: s.prank.origin };
      }
      if (!s.prank.persistent) s.prank = undefined;
    }
    const revert = s.expectedRevert !== undefined && s.expectedRevert.caller === caller && s.expectedRevert.depth === m.depth ? s.expectedRevert : undefined;
    const emit = s.expectedEmit?.expected !== undefined && s.expectedEmit.caller === caller && s.expectedEmit.depth === m.depth ? s.expectedEmit : undefined;
    if (revert !== undefined) s.expectedRevert = undefined;
    if (emit !== undefined) s.expectedEmit = undefined;
    try {
      if (revert === undefined && emit === undefined) return await run();
      return await this.runExpecting(run, revert?.data ?? (revert ? null : undefined), emit);
    } finally {
      if (restoreOrigin !== undefined) e._tx = { ...e._tx, origin: restoreOrigin };
    }
  }

  /**
   * Runs a call under expectRevert / expectEmit. The call's own frame commits or reverts as
   * usual; an outer checkpoint lets a call that did not meet the expectation be undone.
   * `revertData`: undefined = no revert expected, null = any revert, bytes = this revert.
   */
  private async runExpecting(run: () => Promise<CallOutcome>, revertData: Uint8Array | null | undefined, emit: ExpectedEmit | undefined): Promise<CallOutcome> {
    const journal = (this.evm as unknown as { journal: { checkpoint(): Promise<void>; commit(): Promise<void>; revert(): Promise<void> } }).journal;
    await journal.checkpoint();
    const outcome = await run();
    const exec = outcome.execResult;
    const reverted = exec.exceptionError !== undefined;
    let failure: string | undefined;
    if (revertData !== undefined) {
      if (!reverted) failure = 'call did not revert as expected';
      else if (revertData !== null && !revertMatches(exec.returnValue, revertData)) {
        failure = `Error != expected error: ${bytesToHex(exec.returnValue)} != ${bytesToHex(revertData)}`;
      }
    }
    if (failure === undefined && emit !== undefined && !reverted && !(exec.logs ?? []).some((log) => emitMatches(log, emit))) {
      failure = 'log != expected log';
    }
    if (failure !== undefined) {
      await journal.revert();
      return { ...outcome, execResult: this.revertResult(failure, exec) };
    }
    await journal.commit();
    if (revertData === undefined) return outcome;
    // The expected revert happened: the caller sees a successful call.
    return { ...outcome, execResult: { ...exec, exceptionError: undefined, returnValue: DUMMY_OUTPUT, logs: [] } };
  }

  private revertResult(message: string, like?: Partial<ExecResult>): ExecResult {
    return {
      ...like,
      returnValue: hexToBytes(encodeErrorResult({ abi: ERROR_ABI, errorName: 'Error', args: [message] })),
      executionGasUsed: like?.executionGasUsed ?? 0n,
      exceptionError: new EVMError(EVMError.errorMessages.REVERT),
      logs: [],
    } as ExecResult;
  }

  private async runCheat(m: Message): Promise<CallOutcome> {
    const done = (execResult: ExecResult): CallOutcome => ({ execResult: { ...execResult, gasRefund: m.gasRefund } }) as CallOutcome;
    const data = m.data;
    const selector = data.length >= 4 ? bytesToHex(data.subarray(0, 4)) : bytesToHex(data);
    const entry = this.table.implemented.get(selector);
    if (entry === undefined) {
      const known = this.table.unsupported.get(selector);
      const what = known ?? 'an unknown cheatcode';
      this.state.unsupported.add(known ?? selector);
      return done(this.revertResult(`vigil: cheatcode ${selector} (${what}) is not supported`));
    }
    const ctx: CheatContext = {
      caller: m.caller,
      callerHex: m.caller.toString() as Hex,
      depth: m.depth,
      state: this.journalState,
      cheats: this.state,
      block: this.hooks.block,
      env: this.hooks.env ?? ((name) => process.env[name]),
    };
    try {
      const args = entry.fn.inputs.length === 0 ? [] : decodeAbiParameters(entry.fn.inputs, data.subarray(4));
      const out = await entry.run(ctx, args);
      const returnValue = out === undefined || entry.fn.outputs.length === 0 ? new Uint8Array(0) : hexToBytes(encodeAbiParameters(entry.fn.outputs, out as unknown[]));
      return done({ returnValue, executionGasUsed: 0n } as ExecResult);
    } catch (e) {
      if (!(e instanceof CheatFailure)) {
        return done(this.revertResult(`vigil: vm.${entry.fn.name}: ${(e as Error).message.split('\n')[0]}`));
      }
      if (e.kind === 'assertion') this.state.failures.push({ address: ctx.callerHex, cheat: entry.fn.name, message: e.message });
      return done(this.revertResult(e.message));
    }
  }

  /**
   * expectEmit: the next event the caller emits itself is the expected one (forge's
   * pattern: expectEmit; emit E(...); target.call()). LOG handlers of this EVM pass it on.
   */
  private hookLogs(): void {
    const opcodeMap = (this.evm as unknown as { _opcodeMap: ({ opHandler: (rs: LogRunState, c: unknown) => void } | undefined)[] })._opcodeMap;
    for (let code = 0xa0; code <= 0xa4; code++) {
      const entry = opcodeMap[code];
      if (entry === undefined) continue;
      const original = entry.opHandler;
      entry.opHandler = (rs, common) => {
        original(rs, common);
        const expect = this.state.expectedEmit;
        if (expect === undefined || expect.expected !== undefined) return;
        if (rs.interpreter._env.address.toString() !== expect.caller) return;
        const logs = rs.interpreter._result.logs;
        const [address, topics, data] = logs[logs.length - 1]!;
        expect.expected = { address: bytesToHex(address), topics, data };
        // The test's own copy of the event is a template, not an event of the run.
        logs.pop();
      };
    }
  }
}

interface CallRunState {
  interpreter: { _env: { address: Address; depth: number; contract: Account } };
}

interface LogRunState {
  interpreter: { _env: { address: Address }; _result: { logs: [Uint8Array, Uint8Array[], Uint8Array][] } };
}

/** Four bytes expected: the error selector; otherwise the whole revert data. */
function revertMatches(actual: Uint8Array, expected: Uint8Array): boolean {
  return equalsBytes(expected.length === 4 ? actual.subarray(0, 4) : actual, expected);
}

function emitMatches([address, topics, data]: [Uint8Array, Uint8Array[], Uint8Array], e: ExpectedEmit): boolean {
  const want = e.expected!;
  if (e.emitter !== undefined && bytesToHex(address) !== e.emitter) return false;
  if (topics.length !== want.topics.length || !sameBytes(topics[0], want.topics[0])) return false;
  for (let i = 1; i < topics.length; i++) if (e.topics[i - 1] && !sameBytes(topics[i], want.topics[i])) return false;
  return !e.data || sameBytes(data, want.data);
}

/** Topics may be missing (LOG0 has none). */
function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a === undefined || b === undefined ? a === b : equalsBytes(a, b);
}
