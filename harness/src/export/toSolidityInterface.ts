import type { Abi, AbiFunction, AbiParameter } from 'viem';
import { typeString } from '../fuzz/selectTargets.js';

export interface SolidityInterface {
  name: string;
  source: string;
  /** Functions declared in it (by canonical signature); the others are called with raw calldata. */
  declared: ReadonlySet<string>;
}

/**
 * An `interface I<Name> { ... }` for a target's ABI, so the exported test reads as typed
 * calls. Parameter names are dropped (they may clash with Solidity keywords and add nothing
 * to a call site). Functions whose types need struct definitions are left out.
 */
export function toSolidityInterface(name: string, abi: Abi): SolidityInterface {
  const declared = new Set<string>();
  const lines: string[] = [];
  for (const fn of abi.filter((x): x is AbiFunction => x.type === 'function')) {
    const inputs = fn.inputs.map((p) => solidityType(p, 'calldata'));
    const outputs = fn.outputs.map((p) => solidityType(p, 'memory'));
    if ([...inputs, ...outputs].some((t) => t === undefined)) continue;
    declared.add(canonicalSignature(fn));
    const mutability = fn.stateMutability === 'nonpayable' ? '' : ` ${fn.stateMutability}`;
    const returns = outputs.length > 0 ? ` returns (${outputs.join(', ')})` : '';
    lines.push(`    function ${fn.name}(${inputs.join(', ')}) external${mutability}${returns};`);
  }
  return { name, source: `interface ${name} {\n${lines.join('\n')}\n}`, declared };
}

/** `transfer(address,uint256)`, as call records spell it. */
export function canonicalSignature(fn: AbiFunction): string {
  return `${fn.name}(${fn.inputs.map(typeString).join(',')})`;
}

/** The Solidity spelling of an ABI type with its data location, or undefined for tuples. */
function solidityType(p: AbiParameter, location: 'calldata' | 'memory'): string | undefined {
  if (p.type.startsWith('tuple')) return undefined;
  const reference = p.type === 'string' || p.type === 'bytes' || p.type.endsWith(']');
  return reference ? `${p.type} ${location}` : p.type;
}
