import type { Node } from 'ts-morph';
import type { Hex } from 'viem';
import { abiValueLiteral } from './solidityLiterals.js';
import { Untranslatable, constant, primary, widened, type SolExpr } from './SolExpr.js';
import { addressExpr, at, collection, ex, valueConstruct, type TranslationContext, type Val } from './Val.js';

/** What reading a member needs of the translator: the facts, and where to note the call's outcome is used. */
export interface MemberReader {
  readonly ctx: TranslationContext;
  usesCallOk: boolean;
  usesCallReturn: boolean;
}

/**
 * `owner.name` for the things a check reads from its context: handles and collections of
 * the context object, `keys.*`, `call.*` (the judged call's facts, or its outcome in the
 * test's locals), `ghosts.x` (the value Vigil had), `chain.*`, `handle.address`.
 */
export function readMember(r: MemberReader, owner: Val, name: string, node: Node): Val {
  const ctx = r.ctx;
  switch (owner.k) {
    case 'context':
      if (ctx.contracts.has(name)) return { k: 'handle', key: name, old: false };
      switch (name) {
        case 'actors': return collection('actors', ctx.actors.map(addressExpr));
        case 'holders': return collection('holders', ctx.holders.map(addressExpr));
        case 'keys': return { k: 'keys' };
        case 'ghosts': return { k: 'ghosts', old: false };
        case 'chain': return { k: 'chain' };
        case 'contracts': return { k: 'contracts' };
        case 'call': if (ctx.call) return { k: 'call' }; break;
        case 'old': if (ctx.call) return { k: 'old' }; break;
      }
      throw new Untranslatable(`unknown context value ${name}`, node);
    case 'contracts':
      if (ctx.contracts.has(name)) return { k: 'handle', key: name, old: false };
      throw new Untranslatable(`unknown contract ${name}`, node);
    case 'keys':
      if (name === 'address') return collection('keys.address', ctx.holders.map(addressExpr));
      if (name === 'uint') return collection('keys.uint', ctx.uintKeys.map((k) => constant(k)));
      throw new Untranslatable(`keys.${name}`, node);
    case 'collection':
      if (name === 'length') return ex(constant(BigInt(owner.items.length)));
      throw new Untranslatable('array method', node);
    case 'handle':
      if (name === 'address') return ex(primary(`address(${ctx.contracts.get(owner.key)!.ident})`, 'address'));
      throw new Untranslatable('contract handle property', node);
    case 'ghosts': return ex(ghost(r, owner.old, name, node));
    case 'chain':
      if (name === 'timestamp') return ex(primary('block.timestamp', 'uint256'));
      if (name === 'blockNumber') return ex(primary('block.number', 'uint256'));
      throw new Untranslatable(`chain.${name}`, node);
    case 'call': return callField(r, name, node);
    case 'args': return ex(callArg(r, name, node));
    default:
      throw new Untranslatable(owner.k === 'expr' ? 'property access' : valueConstruct(owner), node);
  }
}

function callField(r: MemberReader, name: string, node: Node): Val {
  const call = r.ctx.call!;
  switch (name) {
    case 'sender': return ex(addressExpr(call.sender));
    case 'value': return ex(constant(call.value));
    case 'args': return { k: 'args' };
    case 'reverted':
      r.usesCallOk = true;
      return ex(primary(`!${r.ctx.callOkVar}`, 'bool', { post: true, prec: 8 }));
    case 'result': {
      const outputs = call.fn.outputs;
      if (outputs.length !== 1) throw new Untranslatable('call.result of a function without exactly one return value', node);
      r.usesCallReturn = true;
      return ex(at(node, () => widened(`abi.decode(${r.ctx.callReturnVar}, (${outputs[0]!.type}))`, outputs[0]!.type, true)));
    }
  }
  throw new Untranslatable('unknown call field', node);
}

function callArg(r: MemberReader, index: string, node: Node): SolExpr {
  const call = r.ctx.call!;
  const i = Number(index);
  const param = call.fn.inputs[i];
  if (!Number.isInteger(i) || !param) throw new Untranslatable('call argument out of range', node);
  return literal(call.args[i], param.type, `call.args[${i}]`, node);
}

function ghost(r: MemberReader, old: boolean, name: string, node: Node): SolExpr {
  const values = old ? r.ctx.ghosts.before : r.ctx.ghosts.after;
  if (!Object.hasOwn(values, name)) throw new Untranslatable(`unknown ghost ${name}`, node);
  const v = values[name];
  const note = `${old ? 'old(ghosts)' : 'ghosts'}.${name}`;
  if (typeof v === 'bigint' || typeof v === 'boolean') return constant(v, note);
  if (typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v)) return addressExpr(v as Hex);
  throw new Untranslatable('ghost value other than a bigint, boolean or address', node);
}

function literal(value: unknown, abiType: string, what: string, node: Node): SolExpr {
  // viem decodes integers of 48 bits or fewer as numbers.
  if ((typeof value === 'bigint' || Number.isSafeInteger(value)) && /^u?int\d*$/.test(abiType)) return constant(BigInt(value as bigint | number));
  if (typeof value === 'boolean') return constant(value);
  const code = abiValueLiteral({ type: abiType }, value);
  if (code === undefined || !/^(address|bytes\d+)$/.test(abiType)) throw new Untranslatable(`${what} of type ${abiType}`, node);
  if (abiType === 'address') return addressExpr(value as Hex);
  return primary(code, abiType as SolExpr['type']);
}
