import { concatHex, encodeAbiParameters } from 'viem';
import { VigilError } from '../errors/VigilError.js';
import type { PreparedCall } from '../fuzz/ExecutedCall.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';

/** ABI-encodes a generated call. Generated values always fit their types, so a failure is a bug. */
export function encodeCall(call: FuzzCall): PreparedCall {
  try {
    const data = concatHex([call.target.selector, encodeAbiParameters(call.target.fn.inputs, call.args)]);
    return { ...call, data };
  } catch (e) {
    throw new VigilError('INTERNAL', `could not encode a generated call to ${call.target.signature}: ${(e as Error).message}`, { cause: e });
  }
}
