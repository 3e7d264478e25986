import { andCond, eqCond, notCond } from '../word/compare.js';
import type { Cond, Word } from '../word/Word.js';
import type { ExecEnv } from './ExecEnv.js';
import type { Fork } from './Fork.js';
import type { PathState } from './PathState.js';
import { PathUnknown } from './signals.js';

/**
 * Splits on which account a symbolic address names: one option per deployed contract,
 * and one for every other account. Those have no code in the world the explorer was
 * given; with `externalCode: 'unknown'` that case ends as unknown instead of trusting it.
 */
export function addressCases(
  s: PathState,
  x: ExecEnv,
  addr: Word,
  what: string,
  /** `undefined`: some account without code, other than the deployed ones. */
  onAccount: (t: PathState, address: bigint | undefined) => Fork | void,
): Fork | void {
  if (typeof addr === 'bigint') return onAccount(s, addr);
  const options: { cond: Cond; apply: (t: PathState) => Fork | void }[] = [];
  let other: Cond = true;
  for (const a of s.world.code.keys()) {
    const c = eqCond(addr, a);
    options.push({ cond: c, apply: (t) => onAccount(t, a) });
    other = andCond(other, notCond(c));
  }
  options.push({
    cond: other,
    apply: (t) => {
      if (x.options.externalCode === 'unknown') {
        throw new PathUnknown('unsupported', `${what} at a symbolic address that may hold code outside the deployed contracts`);
      }
      return onAccount(t, undefined);
    },
  });
  return { options };
}
