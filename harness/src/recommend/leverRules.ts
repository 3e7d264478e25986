import type { AbiFunction, Hex } from 'viem';
import type { LeverKind } from '../spec/types.js';

/** A lever call a rule proposes: arguments, and its undo on the same contract. */
export interface RuleCall {
  args: unknown[];
  undo?: { fn: string; args: unknown[] };
  /**
   * A view of the same contract that must read false before the lever is pulled, with its
   * arguments; with `not`, it must read anything but that value.
   */
  precondition?: { fn: string; args: unknown[]; not?: unknown };
}

export interface RuleContext {
  fn: AbiFunction;
  /** Functions of the same contract, by name. */
  has: (name: string) => boolean;
  /** Other contracts of the spec (assets, markets, targets of an access manager). */
  others: Hex[];
  /** Selectors of the fuzzed functions of `target` (for AccessManager per-function roles). */
  selectorsOf: (target: Hex) => Hex[];
  /**
   * Contracts whose `authority()` is this one (OpenZeppelin AccessManaged), or every other
   * contract when none of them names an authority.
   */
  managed: Hex[];
  /** A view of the same contract on the state before the attack (undefined: missing, reverts). */
  read: (fn: string, args: unknown[]) => Promise<unknown>;
}

export interface LeverRule {
  kind: LeverKind;
  /** What the rule recognises, for `skipped` messages and docs. */
  shape: string;
  match: (fn: AbiFunction) => boolean;
  calls: (ctx: RuleContext) => RuleCall[] | Promise<RuleCall[]>;
  /** When set, matching functions are listed as skipped with this reason instead of catalogued. */
  needsValue?: string;
}

const types = (fn: AbiFunction) => fn.inputs.map((i) => i.type).join(',');
const shaped = (re: RegExp, sig: string) => (fn: AbiFunction) => re.test(fn.name) && types(fn) === sig;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** `unpauseX` / `unfreezeX` for `pauseX` / `freezeX`, when the contract has it. */
const counterpart = (ctx: RuleContext) => {
  const name = `un${ctx.fn.name}`;
  return ctx.has(name) ? name : undefined;
};
/** OpenZeppelin AccessManager's ADMIN_ROLE: holds everything, so a function set to it is closed to everyone else. */
const ADMIN_ROLE = 0n;

/**
 * How pause levers look in the ABIs of the field (OpenZeppelin Pausable and AccessManager,
 * Aave-style freezes, per-function pauses, ERC-7265 outflow limits), least to most
 * disruptive. Rules are tried in order; the first match names the lever's kind.
 */
export const leverRules: readonly LeverRule[] = [
  {
    kind: 'rate-limit',
    shape: 'set*Limit(uint256) / setRateLimit…',
    match: (fn) => /^set\w*(Limit|RateLimit)$/.test(fn.name) && fn.inputs.length >= 1 && fn.inputs.every((i) => /^(uint\d*|address)$/.test(i.type)),
    calls: () => [],
    needsValue: 'a rate limit needs a value chosen by the protocol: declare it under `levers` with `kind: \'rate-limit\'`',
  },
  {
    kind: 'freeze',
    shape: 'setFrozen(address,bool) / set*Frozen(address,bool)',
    match: shaped(/^set\w*Frozen$/, 'address,bool'),
    calls: (ctx) => ctx.others.map((a) => ({
      args: [a, true], undo: { fn: ctx.fn.name, args: [a, false] },
      precondition: firstView(ctx, ['frozen', 'isFrozen'], [a]),
    })),
  },
  {
    kind: 'freeze',
    shape: 'freeze*(address) with unfreeze*(address)',
    match: shaped(/^freeze\w*$/, 'address'),
    calls: (ctx) => ctx.others.map((a) => {
      const undo = counterpart(ctx);
      return { args: [a], ...(undo ? { undo: { fn: undo, args: [a] } } : {}), precondition: firstView(ctx, ['frozen', 'isFrozen'], [a]) };
    }),
  },
  {
    kind: 'close-function',
    shape: 'pauseX() with unpauseX()',
    match: (fn) => /^pause[A-Z]\w*$/.test(fn.name) && fn.inputs.length === 0 && !/^pause(All|Protocol|Everything)$/.test(fn.name),
    calls: (ctx) => {
      const what = ctx.fn.name.slice('pause'.length);
      const undo = counterpart(ctx);
      return [{
        args: [], ...(undo ? { undo: { fn: undo, args: [] } } : {}),
        precondition: firstView(ctx, [`${lower(what)}Paused`, `is${what}Paused`], []),
      }];
    },
  },
  {
    kind: 'close-function',
    shape: 'AccessManager setTargetFunctionRole(address,bytes4[],uint64)',
    match: shaped(/^setTargetFunctionRole$/, 'address,bytes4[],uint64'),
    calls: async (ctx) => {
      const out: RuleCall[] = [];
      for (const t of ctx.managed) {
        for (const sel of ctx.selectorsOf(t)) {
          // OpenZeppelin's default role is ADMIN_ROLE, not PUBLIC_ROLE: the undo restores what the chain says now.
          const role = await ctx.read('getTargetFunctionRole', [t, sel]);
          if (role === ADMIN_ROLE) continue;
          out.push({
            args: [t, [sel], ADMIN_ROLE],
            ...(typeof role === 'bigint' ? { undo: { fn: ctx.fn.name, args: [t, [sel], role] } } : {}),
            ...(ctx.has('getTargetFunctionRole') ? { precondition: { fn: 'getTargetFunctionRole', args: [t, sel], not: ADMIN_ROLE } } : {}),
          });
        }
      }
      return out;
    },
  },
  {
    kind: 'pause-asset',
    shape: 'set*Paused(address,bool) / pause*(address) with unpause*(address)',
    match: (fn) => shaped(/^set\w*Paused$/, 'address,bool')(fn) || shaped(/^pause\w+$/, 'address')(fn),
    calls: (ctx) => ctx.others.map((a) => {
      if (ctx.fn.inputs.length === 2) return { args: [a, true], undo: { fn: ctx.fn.name, args: [a, false] } };
      const undo = counterpart(ctx);
      return { args: [a], ...(undo ? { undo: { fn: undo, args: [a] } } : {}) };
    }),
  },
  {
    kind: 'pause-contract',
    shape: 'AccessManager setTargetClosed(address,bool)',
    match: shaped(/^setTargetClosed$/, 'address,bool'),
    calls: (ctx) => ctx.managed.map((t) => ({
      args: [t, true], undo: { fn: ctx.fn.name, args: [t, false] }, precondition: firstView(ctx, ['isTargetClosed'], [t]),
    })),
  },
  {
    kind: 'pause-contract',
    shape: 'pause() with unpause() (OpenZeppelin Pausable) / setPaused(bool)',
    match: (fn) => shaped(/^pause$/, '')(fn) || shaped(/^setPaused$/, 'bool')(fn),
    calls: (ctx) => {
      const precondition = firstView(ctx, ['paused'], []);
      if (ctx.fn.inputs.length === 1) return [{ args: [true], undo: { fn: ctx.fn.name, args: [false] }, precondition }];
      return [{ args: [], ...(ctx.has('unpause') ? { undo: { fn: 'unpause', args: [] } } : {}), precondition }];
    },
  },
  {
    kind: 'global',
    shape: 'shutdown() / emergencyShutdown() / pauseAll()',
    match: (fn) => /^(shutdown|emergencyShutdown|pauseAll|pauseProtocol|pauseEverything)$/.test(fn.name) && fn.inputs.length === 0,
    calls: (ctx) => {
      const undo = ['unpauseAll', 'unpauseProtocol', 'resume', `un${ctx.fn.name}`, `re${cap(ctx.fn.name)}`].find(ctx.has);
      return [{ args: [], ...(undo ? { undo: { fn: undo, args: [] } } : {}) }];
    },
  },
];

function firstView(ctx: RuleContext, names: string[], args: unknown[]): RuleCall['precondition'] {
  const name = names.find(ctx.has);
  return name === undefined ? undefined : { fn: name, args };
}
