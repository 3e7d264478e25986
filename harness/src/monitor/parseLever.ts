import { encodeFunctionData, isAddress, type AbiFunction } from 'viem';
import { VigilError } from '../errors/VigilError.js';
import type { LeverTx } from './LeverTx.js';
import type { MonitorTarget } from './MonitorTarget.js';

/**
 * `--lever token.pause` or `token.setCap(0)`: a lever authorised in advance, sent as soon
 * as an invariant breaks. Arguments are numbers, addresses, true / false, in order.
 */
export function parseLever(text: string, target: MonitorTarget): LeverTx {
  const m = /^([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)(?:\((.*)\))?$/.exec(text.trim());
  if (m === null) throw new VigilError('USAGE', `--lever ${text}: not of the form contract.function(args)`, { hint: 'Write e.g. --lever token.pause or --lever "pool.setCap(0)", with the spec\'s contract key.' });
  const [, key, name, argText] = m as unknown as [string, string, string, string | undefined];
  const contract = target.contracts.find((c) => c.key === key);
  if (contract === undefined) throw new VigilError('USAGE', `--lever ${text}: the spec has no contract "${key}"`, { meta: [`contracts: ${target.contracts.map((c) => c.key).join(', ')}`] });
  const args = argText === undefined || argText.trim() === '' ? [] : argText.split(',').map((a) => toArg(a.trim()));
  const fn = contract.abi.find((x): x is AbiFunction => x.type === 'function' && x.name === name && x.inputs.length === args.length);
  if (fn === undefined || fn.stateMutability === 'view' || fn.stateMutability === 'pure') {
    throw new VigilError('USAGE', `--lever ${text}: ${contract.name} has no state-changing function ${name} taking ${args.length} argument${args.length === 1 ? '' : 's'}`, {
      hint: 'Name the pause function as the ABI has it, with its arguments.',
    });
  }
  let data;
  try {
    data = encodeFunctionData({ abi: [fn], functionName: name, args });
  } catch (e) {
    throw new VigilError('USAGE', `--lever ${text}: ${(e as { shortMessage?: string }).shortMessage ?? (e as Error).message}`);
  }
  return { label: `${key}.${name}(${args.map(String).join(', ')})`, to: contract.address, data, source: 'flag' };
}

function toArg(a: string): unknown {
  if (a === 'true' || a === 'false') return a === 'true';
  if (isAddress(a, { strict: false })) return a;
  if (/^-?\d+$/.test(a) || /^0x[0-9a-fA-F]+$/.test(a)) return BigInt(a);
  return a;
}
