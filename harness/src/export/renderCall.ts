import type { AbiFunction, Hex } from 'viem';
import { abiValueLiteral, hexBytesLiteral, uintLiteral } from './solidityLiterals.js';
import type { SolidityInterface } from './toSolidityInterface.js';
import { canonicalSignature } from './toSolidityInterface.js';

/** How a call of the sequence is written in the test. */
export type CallMode =
  /** `token.transfer(a, 1);`: a revert ends the test (it did not revert in Vigil). */
  | 'typed'
  /** Reverted in Vigil: made low-level so the revert does not end the test. */
  | 'may-revert'
  /** The failing call of an assertion finding: its revert must end the test with the same panic. */
  | 'must-fail'
  /** The call a property judges: low-level, its outcome kept in locals the check reads. */
  | 'capture';

export interface CallTarget {
  ident: string;
  iface: SolidityInterface;
  abi: readonly unknown[];
}

export interface CallToRender {
  fn: AbiFunction;
  args: readonly unknown[];
  data: Hex;
  value: bigint;
}

export interface RenderedCall {
  lines: string[];
  /** Helpers of the test contract the lines call. */
  helper?: 'mayRevert' | 'bubble';
}

/**
 * One call as Solidity: a typed call with literal arguments when the interface declares
 * the function unambiguously and every argument has a literal, otherwise the calldata
 * Vigil sent, verbatim.
 */
export function renderCall(call: CallToRender, target: CallTarget, mode: CallMode, vars = { ok: 'callOk', ret: 'callReturn', retUsed: false }): RenderedCall {
  const args = typedArguments(call, target);
  const value = call.value === 0n ? '' : `{value: ${uintLiteral(call.value)}}`;
  const payable = call.fn.stateMutability === 'payable';
  if ((mode === 'typed' || mode === 'must-fail') && args !== undefined && (call.value === 0n || payable)) {
    return { lines: [`${target.ident}.${call.fn.name}${value}(${args.join(', ')});`] };
  }
  const data = args !== undefined ? `abi.encodeCall(${target.iface.name}.${call.fn.name}, (${args.join(', ')}))` : hexBytesLiteral(call.data);
  const to = `address(${target.ident})`;
  if (mode === 'capture') {
    const ret = vars.retUsed ? `bytes memory ${vars.ret}` : '';
    return { lines: [`(bool ${vars.ok}, ${ret}) = ${to}.call${value}(${data});`] };
  }
  if (mode === 'must-fail') return { lines: [`_callBubblingRevert(${to}, ${uintLiteral(call.value)}, ${data});`], helper: 'bubble' };
  return { lines: [`_callMayRevert(${to}, ${uintLiteral(call.value)}, ${data});`], helper: 'mayRevert' };
}

/** Literal arguments, or undefined when the call must go as raw calldata. */
function typedArguments(call: CallToRender, target: CallTarget): string[] | undefined {
  if (!target.iface.declared.has(canonicalSignature(call.fn))) return undefined;
  const sameName = (target.abi as { type: string; name?: string }[]).filter((x) => x.type === 'function' && x.name === call.fn.name);
  // Overloads make both `token.f(1)` and `abi.encodeCall(IToken.f, ...)` ambiguous.
  if (sameName.length > 1) return undefined;
  const out: string[] = [];
  for (let i = 0; i < call.fn.inputs.length; i++) {
    const literal = abiValueLiteral(call.fn.inputs[i]!, call.args[i]);
    if (literal === undefined) return undefined;
    out.push(literal);
  }
  return out;
}

/** The helpers `renderCall` may refer to, as members of the test contract. */
export const callHelpers = {
  mayRevert: [
    '/// A call that reverted when Vigil ran the sequence: made low-level, so its revert does not end the test.',
    'function _callMayRevert(address target, uint256 value, bytes memory data) private returns (bool success) {',
    '    (success, ) = target.call{value: value}(data);',
    '}',
  ],
  bubble: [
    '/// The failing call, made low-level because its arguments have no literal form; a revert is re-thrown as is.',
    'function _callBubblingRevert(address target, uint256 value, bytes memory data) private {',
    '    (bool success, bytes memory returned) = target.call{value: value}(data);',
    '    if (!success) {',
    '        assembly {',
    '            revert(add(returned, 32), mload(returned))',
    '        }',
    '    }',
    '}',
  ],
} as const;
