import { createAddressFromString } from '@ethereumjs/util';
import type { Hex } from 'viem';
import { CheatFailure } from './CheatFailure.js';
import type { CheatContext, Cheatcode } from './Cheatcode.js';

function startPrank(ctx: CheatContext, sender: Hex, origin: Hex | undefined, persistent: boolean): void {
  if (ctx.cheats.prank?.persistent === true && ctx.cheats.prank.caller === ctx.callerHex && !persistent) {
    throw new CheatFailure('vm.prank: a startPrank is already active; call vm.stopPrank() first');
  }
  ctx.cheats.prank = {
    caller: ctx.callerHex,
    depth: ctx.depth,
    sender: createAddressFromString(sender),
    origin: origin === undefined ? undefined : createAddressFromString(origin),
    persistent,
  };
}

/** msg.sender (and tx.origin) of the caller's next call, or of all its calls until stopPrank. */
export const prankCheats: Cheatcode[] = [
  { signature: 'function prank(address)', run: (ctx, [s]) => startPrank(ctx, s as Hex, undefined, false) },
  { signature: 'function prank(address,address)', run: (ctx, [s, o]) => startPrank(ctx, s as Hex, o as Hex, false) },
  { signature: 'function startPrank(address)', run: (ctx, [s]) => startPrank(ctx, s as Hex, undefined, true) },
  { signature: 'function startPrank(address,address)', run: (ctx, [s, o]) => startPrank(ctx, s as Hex, o as Hex, true) },
  {
    signature: 'function stopPrank()',
    run: (ctx) => {
      ctx.cheats.prank = undefined;
    },
  },
];
