import type { Node } from 'ts-morph';
import type { Abi, AbiFunction, Hex } from 'viem';
import { addressLiteral } from './solidityLiterals.js';
import { Untranslatable, primary, type SolExpr } from './SolExpr.js';

/** A deployed contract as the exported test names it. */
export interface ContractRef {
  /** Solidity identifier of the handle, e.g. `token`. */
  ident: string;
  abi: Abi;
}

/** The concrete facts a check reads besides the chain: Vigil's collections, ghosts and the last call. */
export interface TranslationContext {
  contracts: ReadonlyMap<string, ContractRef>;
  actors: readonly Hex[];
  /** Every address seen up to the failing call, in Vigil's order (see CheckRunner). */
  holders: readonly Hex[];
  uintKeys: readonly bigint[];
  ghosts: { after: Record<string, unknown>; before: Record<string, unknown> };
  /** For properties: the call the property judged (the last of the sequence). */
  call?: { sender: Hex; args: readonly unknown[]; value: bigint; fn: AbiFunction };
  /** Local names the test gives the low-level call's outcome. */
  callOkVar: string;
  callReturnVar: string;
}

/** What a name or sub-expression of a check stands for while it is translated. */
export type Val =
  | { k: 'expr'; e: SolExpr }
  | { k: 'handle'; key: string; old: boolean }
  | { k: 'context' }
  | { k: 'contracts' }
  | { k: 'collection'; name: string; items: SolExpr[] }
  | { k: 'keys' }
  | { k: 'call' }
  | { k: 'args' }
  | { k: 'old' }
  | { k: 'helper'; name: 'sum' | 'forall' | 'exists' | 'implies' }
  | { k: 'ghosts'; old: boolean }
  | { k: 'chain' }
  | { k: 'string'; value: string };

export function ex(e: SolExpr): Val {
  return { k: 'expr', e };
}

export function collection(name: string, items: SolExpr[]): Val {
  return { k: 'collection', name, items };
}

export function addressExpr(a: Hex): SolExpr {
  return primary(addressLiteral(a), 'address', { constant: a.toLowerCase() });
}

/** Runs a builder and pins an Untranslatable it throws to `node`. */
export function at<T>(node: Node, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof Untranslatable && !e.node) throw new Untranslatable(e.construct, node);
    throw e;
  }
}

export function valueConstruct(v: Val): string {
  const names: Record<Val['k'], string> = {
    expr: 'expression', handle: 'contract handle used as a value', context: 'context object used as a value',
    contracts: 'contracts object used as a value', collection: 'collection used as a value', keys: 'keys used as a value',
    call: 'call object used as a value', args: 'call.args without an index', old: 'helper used as a value',
    helper: 'helper used as a value', ghosts: 'ghosts object used as a value', chain: 'chain used as a value',
    string: 'string value',
  };
  return names[v.k];
}

