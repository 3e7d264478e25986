import { uintLiteral } from './solidityLiterals.js';

/**
 * A Solidity expression under construction: its text, its type and, for constants, its
 * value (constants are folded in JavaScript so they keep bigint semantics: `7n / 2n` is
 * 3, where Solidity's rational constants would give 3.5).
 */
export interface SolExpr {
  code: string;
  type: SolType;
  /** Binding strength, to parenthesise only where needed (see `prec`). */
  prec: number;
  /** The value when known at export time; addresses as lower-case hex. */
  constant?: bigint | boolean | string;
  /** Reads state after the last call (a view call on a current handle, the call's outcome). */
  post?: boolean;
  /** Set on comparisons so the top level can use assertEq / assertLe and show both sides. */
  comparison?: { op: ComparisonOp; left: SolExpr; right: SolExpr };
}

/** Integers are widened to 256 bits; `literal` is an integer constant not yet given a type. */
export type SolType = 'uint256' | 'int256' | 'literal' | 'bool' | 'address' | `bytes${number}`;
export type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '**';

/** Thrown for a construct outside what the translator handles; caught once at the top. */
export class Untranslatable extends Error {
  constructor(readonly construct: string, readonly node?: { getText(): string; getStartLineNumber(): number; getSourceFile(): { getFilePath(): string } }) {
    super(construct);
  }
}

export const prec = { ternary: 0, or: 1, and: 2, equality: 3, relational: 4, additive: 5, multiplicative: 6, power: 7, unary: 8, primary: 9 } as const;

const opPrec: Record<ArithmeticOp | ComparisonOp | '&&' | '||', number> = {
  '||': prec.or, '&&': prec.and, '==': prec.equality, '!=': prec.equality,
  '<': prec.relational, '<=': prec.relational, '>': prec.relational, '>=': prec.relational,
  '+': prec.additive, '-': prec.additive, '*': prec.multiplicative, '/': prec.multiplicative, '%': prec.multiplicative, '**': prec.power,
};

const UINT_MAX = (1n << 256n) - 1n;
const INT_MIN = -(1n << 255n);

export function wrap(e: SolExpr, min: number): string {
  return e.prec < min ? `(${e.code})` : e.code;
}

export function primary(code: string, type: SolType, extra: Partial<SolExpr> = {}): SolExpr {
  return { code, type, prec: prec.primary, ...extra };
}

export function constant(value: bigint | boolean, note?: string): SolExpr {
  const suffix = note === undefined ? '' : ` /* ${note} */`;
  if (typeof value === 'boolean') return { code: `${value}${suffix}`, type: 'bool', prec: prec.primary, constant: value };
  const code = uintLiteral(value);
  return { code: `${code}${suffix}`, type: 'literal', prec: value < 0n ? prec.unary : prec.primary, constant: value };
}

export function isNumeric(t: SolType): boolean {
  return t === 'uint256' || t === 'int256' || t === 'literal';
}

/** The type two numeric operands meet at; a constant takes the other side's type. */
function numericMeet(l: SolExpr, r: SolExpr): 'uint256' | 'int256' | 'literal' {
  if (!isNumeric(l.type) || !isNumeric(r.type)) throw new Untranslatable('arithmetic or ordering on a non-integer value');
  if (l.type === 'literal') return r.type as 'uint256' | 'int256' | 'literal';
  if (r.type === 'literal' || l.type === r.type) return l.type as 'uint256' | 'int256';
  throw new Untranslatable('signed and unsigned integers mixed');
}

/** A constant as an operand of a typed expression: it must fit the type. */
function fitted(e: SolExpr, type: SolType): SolExpr {
  if (e.type !== 'literal' || typeof e.constant !== 'bigint') return e;
  const v = e.constant;
  if (type === 'uint256' && (v < 0n || v > UINT_MAX)) throw new Untranslatable('constant outside the uint256 range');
  if (type === 'int256' && (v < INT_MIN || v >= 1n << 255n)) throw new Untranslatable('constant outside the int256 range');
  return e;
}

/** `uint256(5)`: a constant given a type, where Solidity cannot infer one (ternary branches, `2 ** x`). */
export function typedConstant(e: SolExpr, type: 'uint256' | 'int256'): SolExpr {
  return primary(`${type}(${fitted(e, type).code})`, type, { constant: e.constant });
}

export function arithmetic(op: ArithmeticOp, l: SolExpr, r: SolExpr): SolExpr {
  const type = numericMeet(l, r);
  if (typeof l.constant === 'bigint' && typeof r.constant === 'bigint') return constant(fold(op, l.constant, r.constant));
  const p = opPrec[op];
  if (op === '**') {
    if (r.type === 'int256') throw new Untranslatable('signed exponent');
    // `2 ** x` would give the base the smallest type that holds 2 (uint8) and overflow.
    const base = l.type === 'literal' ? typedConstant(l, (l.constant as bigint) < 0n ? 'int256' : 'uint256') : l;
    return { code: `${wrap(base, p + 1)} ** ${wrap(fitted(r, 'uint256'), p)}`, type: base.type, prec: p, post: l.post || r.post };
  }
  return { code: `${wrap(fitted(l, type), p)} ${op} ${wrap(fitted(r, type), p + 1)}`, type, prec: p, post: l.post || r.post };
}

function fold(op: ArithmeticOp, a: bigint, b: bigint): bigint {
  if ((op === '/' || op === '%') && b === 0n) throw new Untranslatable('division by a zero constant');
  if (op === '**' && b < 0n) throw new Untranslatable('negative exponent');
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '%': return a % b;
    case '**': return a ** b;
  }
}

export function comparison(op: ComparisonOp, l: SolExpr, r: SolExpr): SolExpr {
  const p = opPrec[op];
  if (l.constant !== undefined && r.constant !== undefined && typeof l.constant === typeof r.constant) {
    if (typeof l.constant !== 'string' || op === '==' || op === '!=') return constant(compareConstants(op, l.constant, r.constant));
  }
  let left = l;
  let right = r;
  if (isNumeric(l.type) || isNumeric(r.type)) {
    const type = numericMeet(l, r);
    left = fitted(l, type);
    right = fitted(r, type);
  } else if (op !== '==' && op !== '!=') {
    throw new Untranslatable('ordering of non-integer values');
  } else if (l.type !== r.type) {
    throw new Untranslatable(`comparison of ${l.type} with ${r.type}`);
  }
  return {
    code: `${wrap(left, p + 1)} ${op} ${wrap(right, p + 1)}`,
    type: 'bool',
    prec: p,
    post: l.post || r.post,
    comparison: { op, left, right },
  };
}

function compareConstants(op: ComparisonOp, a: bigint | boolean | string, b: bigint | boolean | string): boolean {
  switch (op) {
    case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
  }
}

export function logical(op: '&&' | '||', l: SolExpr, r: SolExpr): SolExpr {
  if (l.type !== 'bool' || r.type !== 'bool') throw new Untranslatable(`${op} on a non-boolean value`);
  // Short-circuit as in JavaScript: a constant left side decides whether the right one matters.
  if (typeof l.constant === 'boolean') return l.constant === (op === '||') ? l : r;
  // `x && true` and `x || false` are x (checks read no state they change).
  if (typeof r.constant === 'boolean' && r.constant === (op === '&&')) return l;
  const p = opPrec[op];
  // `a || b && c` is right but reads wrong: && inside || gets parentheses.
  const min = op === '||' ? prec.and + 1 : p;
  return { code: `${wrap(l, min)} ${op} ${wrap(r, Math.max(min, p + 1))}`, type: 'bool', prec: p, post: l.post || r.post };
}

export function not(e: SolExpr): SolExpr {
  if (e.type !== 'bool') throw new Untranslatable('! on a non-boolean value');
  if (typeof e.constant === 'boolean') return constant(!e.constant);
  return { code: `!${wrap(e, prec.unary)}`, type: 'bool', prec: prec.unary, post: e.post };
}

export function negate(e: SolExpr): SolExpr {
  if (typeof e.constant === 'bigint') return constant(-e.constant);
  if (e.type !== 'int256') throw new Untranslatable('unary minus on an unsigned value');
  return { code: `-${wrap(e, prec.unary)}`, type: 'int256', prec: prec.unary, post: e.post };
}

export function conditional(c: SolExpr, a: SolExpr, b: SolExpr): SolExpr {
  if (c.type !== 'bool') throw new Untranslatable('condition that is not a boolean');
  if (typeof c.constant === 'boolean') return c.constant ? a : b;
  let yes = a;
  let no = b;
  if (isNumeric(a.type) || isNumeric(b.type)) {
    const meet = numericMeet(a, b);
    const type = meet === 'literal' ? (((a.constant as bigint) < 0n || (b.constant as bigint) < 0n) ? 'int256' : 'uint256') : meet;
    if (yes.type === 'literal') yes = typedConstant(yes, type);
    if (no.type === 'literal') no = typedConstant(no, type);
  } else if (a.type !== b.type) {
    throw new Untranslatable(`branches of types ${a.type} and ${b.type}`);
  }
  const p = prec.ternary;
  return { code: `${wrap(c, p + 1)} ? ${wrap(yes, p + 1)} : ${wrap(no, p)}`, type: yes.type, prec: p, post: c.post || a.post || b.post };
}

/** `uint8`-returning views widen to uint256 so arithmetic with them type-checks as in JavaScript. */
export function widened(code: string, abiType: string, post: boolean): SolExpr {
  const m = /^(u?)int(\d*)$/.exec(abiType);
  if (m) {
    const type = m[1] === 'u' ? 'uint256' : 'int256';
    const bits = m[2] === '' ? 256 : Number(m[2]);
    return primary(bits === 256 ? code : `${type}(${code})`, type, { post });
  }
  if (abiType === 'bool' || abiType === 'address' || /^bytes\d+$/.test(abiType)) return primary(code, abiType as SolType, { post });
  throw new Untranslatable(`value of ABI type ${abiType}`);
}

/** An argument for a parameter of `abiType`: narrow integer parameters get an explicit conversion. */
export function asArgument(e: SolExpr, abiType: string): string {
  const m = /^(u?)int(\d*)$/.exec(abiType);
  if (m) {
    const wide = m[1] === 'u' ? 'uint256' : 'int256';
    if (!isNumeric(e.type) || (e.type !== 'literal' && e.type !== wide)) throw new Untranslatable(`${e.type} passed as ${abiType}`);
    const bits = m[2] === '' ? 256 : Number(m[2]);
    if (e.type === 'literal') return fitted(e, wide).code;
    return bits === 256 ? e.code : `${abiType}(${e.code})`;
  }
  if (e.type !== abiType) throw new Untranslatable(`${e.type} passed as ${abiType}`);
  return e.code;
}
