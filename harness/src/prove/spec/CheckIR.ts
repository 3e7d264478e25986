import type { SourceLocation } from '../../spec/analyze/index.js';

export type { SourceLocation };

/** Binary operators of the subset, with TypeScript's meaning (bigint arithmetic never wraps). */
export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '**' | '===' | '!==' | '==' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * One expression of a check body. Every view call names its contract key and function;
 * names are resolved at compile time (`let`/`var` refer to the nearest binding), so
 * evaluation needs no scope rules beyond a name → value map.
 */
export type Expr =
  | { k: 'bigint'; value: bigint }
  /** A JS number literal (`0`, `1.5`): comparable with bigints, not combinable with them. */
  | { k: 'number'; value: number }
  | { k: 'bool'; value: boolean }
  | { k: 'var'; name: string }
  /** `await handle.fn(args)`; `old` reads the state before the call (properties only). */
  | { k: 'view'; contract: string; fn: string; args: Expr[]; old: boolean; at: SourceLocation }
  | { k: 'callField'; field: 'sender' | 'value' | 'reverted' | 'result' }
  | { k: 'callArg'; index: number }
  /** `handle.address`: the deployed contract's address. */
  | { k: 'contractAddress'; contract: string }
  | { k: 'neg'; arg: Expr }
  | { k: 'not'; arg: Expr }
  | { k: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { k: 'and' | 'or'; left: Expr; right: Expr }
  | { k: 'cond'; test: Expr; then: Expr; else: Expr }
  /** `implies(a, b)`: both arguments are evaluated (it is a plain function), then `!a || b`. */
  | { k: 'implies'; left: Expr; right: Expr }
  /** `sum/forall/exists(actors, (v) => body)`: unrolled over the finite actor list, in order. */
  | { k: 'quant'; q: 'sum' | 'forall' | 'exists'; variable: string; body: Expr }
  /** `const name = value; ...body` */
  | { k: 'let'; name: string; value: Expr; body: Expr };

/** A check in the provable subset, ready for evaluateCheck. */
export interface CheckIR {
  kind: 'invariant' | 'property';
  name: string;
  body: Expr;
  /** Properties: the `on` pattern(s) of the property, when given. */
  on?: string;
}

export type CompiledCheck =
  | { kind: 'invariant' | 'property'; name: string; provable: true; ir: CheckIR; location: SourceLocation }
  /** Outside the subset: the verdict is `fuzz-only`; `construct` names what and where (file:line). */
  | { kind: 'invariant' | 'property'; name: string; provable: false; construct: string; location: SourceLocation };
