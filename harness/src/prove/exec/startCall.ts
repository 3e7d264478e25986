import type { Cell } from '../bytes/Cell.js';
import { Memory } from '../state/Memory.js';
import { readStorage, writeStorage } from '../state/Storage.js';
import { checkpointOf } from '../state/World.js';
import { add, sub } from '../word/arith.js';
import { andCond, eqCond, ltCond, notCond } from '../word/compare.js';
import type { Word } from '../word/Word.js';
import { addressCases } from './addressCases.js';
import type { ExecEnv } from './ExecEnv.js';
import type { Fork } from './Fork.js';
import { note, topFrame, type PathState } from './PathState.js';
import { FrameHalt, PathUnknown } from './signals.js';

export interface CallRequest {
  readonly kind: 'CALL' | 'DELEGATECALL' | 'STATICCALL';
  readonly to: Word;
  readonly value: Word;
  readonly input: readonly Cell[];
  readonly ret: { offset: number; size: number };
  readonly pc: number;
}

/** Precompiles of Prague: 0x01 … 0x11. Not modelled, so a call that may reach one is unknown. */
const LAST_PRECOMPILE = 0x11n;

export function moveValue(s: PathState, from: Word, to: Word, value: Word): void {
  if (value === 0n) return;
  const afterDebit = writeStorage(s.world.balances, from, sub(readStorage(s.world.balances, from), value));
  s.world.balances = writeStorage(afterDebit, to, add(readStorage(afterDebit, to), value));
}

function fail(s: PathState): void {
  const f = topFrame(s);
  f.returndata = [];
  f.stack.push(0n);
}

function enterCode(s: PathState, x: ExecEnv, req: CallRequest, address: bigint): Fork {
  const code = s.world.code.get(address)!;
  const enter = (t: PathState) => {
    const parent = topFrame(t);
    if (parent.depth + 1 > x.options.maxCallDepth) {
      throw new PathUnknown('call-depth', `call depth bound ${x.options.maxCallDepth} hit at pc ${req.pc}`);
    }
    const checkpoint = checkpointOf(t.world, t.logs.length);
    const delegate = req.kind === 'DELEGATECALL';
    if (req.kind === 'CALL') moveValue(t, parent.address, address, req.value);
    t.frames.push({
      code,
      codeAddress: address,
      address: delegate ? parent.address : address,
      caller: delegate ? parent.caller : parent.address,
      value: delegate ? parent.value : req.value,
      calldata: req.input,
      isStatic: parent.isStatic || req.kind === 'STATICCALL',
      depth: parent.depth + 1,
      pc: 0,
      stack: [],
      memory: Memory.empty(x.options.maxMemory),
      returndata: [],
      ret: req.ret,
      checkpoint,
    });
  };
  if (!x.options.nestedOutOfGas) return { options: [{ cond: true, apply: enter }] };
  const outOfGas = (t: PathState) => {
    note(t, `the call at pc ${req.pc} of 0x${topFrame(t).codeAddress.toString(16)} runs out of gas`);
    fail(t);
  };
  return { options: [{ cond: true, apply: enter }, { cond: true, apply: outOfGas }] };
}

/** A call to an account without code: it succeeds, moves the value and returns nothing. */
function callCodeless(s: PathState, req: CallRequest, to: Word): void {
  const f = topFrame(s);
  if (req.kind === 'CALL') moveValue(s, f.address, to, req.value);
  f.returndata = [];
  f.stack.push(1n);
}

function dispatch(s: PathState, x: ExecEnv, req: CallRequest): Fork | void {
  return addressCases(s, x, req.to, req.kind, (t, a) => {
    if (a !== undefined && t.world.code.has(a)) return enterCode(t, x, req, a);
    if (a !== undefined) {
      if (a >= 1n && a <= LAST_PRECOMPILE) throw new PathUnknown('unsupported', `call to precompile 0x${a.toString(16)} at pc ${req.pc}`);
      return callCodeless(t, req, a);
    }
    const precompile = andCond(notCond(ltCond(req.to, 1n)), notCond(ltCond(LAST_PRECOMPILE, req.to)));
    return {
      options: [
        { cond: precompile, apply: () => { throw new PathUnknown('unsupported', `call that may reach a precompile at pc ${req.pc}`); } },
        { cond: notCond(precompile), apply: (u) => callCodeless(u, req, req.to) },
      ],
    };
  });
}

/**
 * CALL, DELEGATECALL and STATICCALL: a value in a static frame halts, a value above the
 * balance makes the call fail, then the target splits into the deployed contracts (whose
 * code runs as a new frame, or, optionally, runs out of gas) and code-less accounts.
 * Gas is not metered.
 */
export function startCall(s: PathState, x: ExecEnv, req: CallRequest): Fork | void {
  const f = topFrame(s);
  const value = req.value;
  const noValue = eqCond(value, 0n);
  if (noValue === true) return dispatch(s, x, req);
  const funded = (t: PathState): Fork => {
    const enough = notCond(ltCond(readStorage(t.world.balances, topFrame(t).address), value));
    return { options: [{ cond: enough, apply: (u) => dispatch(u, x, req) }, { cond: notCond(enough), apply: fail }] };
  };
  if (!f.isStatic) return funded(s);
  return {
    options: [
      { cond: noValue, apply: (t) => dispatch(t, x, req) },
      { cond: notCond(noValue), apply: () => { throw new FrameHalt(`${req.kind} with value in a static call`); } },
    ],
  };
}
