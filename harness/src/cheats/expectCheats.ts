import { hexToBytes, type Hex } from 'viem';
import type { CheatContext, Cheatcode } from './Cheatcode.js';

function expectRevert(ctx: CheatContext, data: Hex | undefined): void {
  ctx.cheats.expectedRevert = { caller: ctx.callerHex, depth: ctx.depth, data: data === undefined ? undefined : hexToBytes(data) };
}

function expectEmit(ctx: CheatContext, t1 = true, t2 = true, t3 = true, data = true, emitter?: Hex): void {
  ctx.cheats.expectedEmit = {
    caller: ctx.callerHex,
    depth: ctx.depth,
    topics: [t1, t2, t3],
    data,
    emitter: emitter?.toLowerCase(),
  };
}

/** The caller's next call must revert (with this data) or emit the event the caller emits next. */
export const expectCheats: Cheatcode[] = [
  { signature: 'function expectRevert()', run: (ctx) => expectRevert(ctx, undefined) },
  { signature: 'function expectRevert(bytes4)', run: (ctx, [sel]) => expectRevert(ctx, sel as Hex) },
  { signature: 'function expectRevert(bytes)', run: (ctx, [data]) => expectRevert(ctx, data as Hex) },
  { signature: 'function expectEmit()', run: (ctx) => expectEmit(ctx) },
  { signature: 'function expectEmit(address)', run: (ctx, [e]) => expectEmit(ctx, true, true, true, true, e as Hex) },
  {
    signature: 'function expectEmit(bool,bool,bool,bool)',
    run: (ctx, [a, b, c, d]) => expectEmit(ctx, a as boolean, b as boolean, c as boolean, d as boolean),
  },
  {
    signature: 'function expectEmit(bool,bool,bool,bool,address)',
    run: (ctx, [a, b, c, d, e]) => expectEmit(ctx, a as boolean, b as boolean, c as boolean, d as boolean, e as Hex),
  },
];
