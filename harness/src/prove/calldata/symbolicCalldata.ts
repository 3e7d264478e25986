import { toFunctionSelector, type AbiFunction, type AbiParameter } from 'viem';
import { wordToCells, type Cell } from '../bytes/Cell.js';
import { VigilError } from '../../errors/VigilError.js';
import { sym, type BV, type Ctx } from '../word/Word.js';

export interface CalldataVariant {
  cells: Cell[];
  /** The dynamic lengths this variant fixed, e.g. `data.length=2` (the bound of the layout). */
  layout: string[];
}

export interface SymbolicCalldata {
  variants: CalldataVariant[];
  /** False when the length combinations exceeded maxVariants and some were left out. */
  complete: boolean;
}

export interface CalldataOptions {
  /** Lengths tried for every dynamic array, bytes and string. */
  lengths?: readonly number[];
  maxVariants?: number;
  /** Prefix of the term names, so the calls of one sequence do not share variables. */
  prefix?: string;
  /** Values fixed by the caller, by leaf name (e.g. `c1.to`): their words are concrete. */
  fixed?: ReadonlyMap<string, bigint>;
}

interface Encoded {
  cells: Cell[];
  layout: string[];
}

/**
 * Calldata for `fn` in the canonical ABI layout, every value a term: uintN / intN /
 * address / bool / bytesN words are built from N-bit variables (zero- or sign-extended,
 * or left-aligned), so every word is in range by construction; each dynamic length is
 * one of `lengths`, one variant per combination. Non-canonical encodings are not
 * generated: solc's decoder gives the same values from any valid encoding, and rejects
 * the rest with a revert.
 */
export function symbolicCalldata(ctx: Ctx, fn: AbiFunction, options: CalldataOptions = {}): SymbolicCalldata {
  const lengths = options.lengths ?? [0, 1, 2];
  const maxVariants = options.maxVariants ?? 64;
  const prefix = options.prefix ?? '';
  let complete = true;

  const product = (parts: Encoded[][]): Encoded[][] => {
    let acc: Encoded[][] = [[]];
    for (const alts of parts) {
      const next: Encoded[][] = [];
      for (const a of acc) for (const b of alts) if (next.length < maxVariants) next.push([...a, b]);
      if (acc.length * alts.length > maxVariants) complete = false;
      acc = next;
    }
    return acc;
  };

  const leaf = (type: string, name: string): Cell[] => {
    const known = options.fixed?.get(name);
    if (known !== undefined) return wordToCells(known);
    const m = /^(u?int)(\d*)$/.exec(type);
    let e: BV;
    if (m) {
      const bits = Number(m[2] || 256);
      const v = ctx.BitVec.const(name, bits) as BV;
      e = bits === 256 ? v : ((m[1] === 'int' ? v.signExt(256 - bits) : v.zeroExt(256 - bits)) as BV);
    } else if (type === 'address') {
      e = ctx.BitVec.const(name, 160).zeroExt(96) as BV;
    } else if (type === 'bool') {
      e = ctx.BitVec.const(name, 1).zeroExt(255) as BV;
    } else {
      const b = /^bytes(\d+)$/.exec(type) ?? (type === 'function' ? ['', '24'] : undefined);
      if (!b) throw unsupported(type, fn);
      const bits = Number(b[1]) * 8;
      const v = ctx.BitVec.const(name, bits) as BV;
      e = bits === 256 ? v : (ctx.Concat(v, ctx.BitVec.val(0n, 256 - bits)) as BV);
    }
    return wordToCells(sym(e));
  };

  const isDynamic = (p: AbiParameter): boolean => {
    if (p.type === 'bytes' || p.type === 'string' || p.type.endsWith('[]')) return true;
    const fixed = /^(.*)\[(\d+)\]$/.exec(p.type);
    if (fixed) return isDynamic({ ...p, type: fixed[1]! });
    if (p.type === 'tuple') return ((p as { components?: AbiParameter[] }).components ?? []).some(isDynamic);
    return false;
  };

  const byteString = (name: string, len: number): Cell[] => {
    const cells = wordToCells(BigInt(len));
    for (let k = 0; k < len; k += 32) {
      const bits = Math.min(32, len - k) * 8;
      const v = ctx.BitVec.const(`${name}[${k / 32}]`, bits) as BV;
      cells.push(...wordToCells(sym(bits === 256 ? v : (ctx.Concat(v, ctx.BitVec.val(0n, 256 - bits)) as BV))));
    }
    return cells;
  };

  /** Head/tail encoding of a sequence of values, each given as its alternatives. */
  const tuple = (items: { param: AbiParameter; name: string }[]): Encoded[] =>
    product(items.map((it) => encode(it.param, it.name))).map((combo) => {
      let headSize = 0;
      for (let k = 0; k < items.length; k++) headSize += isDynamic(items[k]!.param) ? 32 : combo[k]!.cells.length;
      const head: Cell[] = [];
      const tail: Cell[] = [];
      for (let k = 0; k < items.length; k++) {
        if (isDynamic(items[k]!.param)) {
          head.push(...wordToCells(BigInt(headSize + tail.length)));
          tail.push(...combo[k]!.cells);
        } else head.push(...combo[k]!.cells);
      }
      return { cells: [...head, ...tail], layout: combo.flatMap((c) => c.layout) };
    });

  const encode = (p: AbiParameter, name: string): Encoded[] => {
    if (p.type === 'bytes' || p.type === 'string') {
      return lengths.map((len) => ({ cells: byteString(name, len), layout: [`${name}.length=${len}`] }));
    }
    const dyn = /^(.*)\[\]$/.exec(p.type);
    if (dyn) {
      const inner = { ...p, type: dyn[1]! };
      return lengths.flatMap((len) =>
        tuple(Array.from({ length: len }, (_, k) => ({ param: inner, name: `${name}[${k}]` }))).map((t) => ({
          cells: [...wordToCells(BigInt(len)), ...t.cells],
          layout: [`${name}.length=${len}`, ...t.layout],
        })),
      );
    }
    const fixed = /^(.*)\[(\d+)\]$/.exec(p.type);
    if (fixed) {
      const inner = { ...p, type: fixed[1]! };
      return tuple(Array.from({ length: Number(fixed[2]) }, (_, k) => ({ param: inner, name: `${name}[${k}]` })));
    }
    if (p.type === 'tuple') {
      const comps = (p as { components?: AbiParameter[] }).components ?? [];
      return tuple(comps.map((c, k) => ({ param: c, name: `${name}.${c.name || k}` })));
    }
    return [{ cells: leaf(p.type, name), layout: [] }];
  };

  const selector = BigInt(toFunctionSelector(fn));
  const sel: Cell[] = [Number(selector >> 24n), Number((selector >> 16n) & 0xffn), Number((selector >> 8n) & 0xffn), Number(selector & 0xffn)];
  const body = tuple(fn.inputs.map((p, k) => ({ param: p, name: `${prefix}${p.name || `arg${k}`}` })));
  return { variants: body.map((b) => ({ cells: [...sel, ...b.cells], layout: b.layout })), complete };
}

function unsupported(type: string, fn: AbiFunction): VigilError {
  return new VigilError('SPEC_INVALID', `ABI type ${type} of ${fn.name} has no symbolic encoding`, {
    hint: 'Use standard ABI types (uintN, intN, address, bool, bytesN, bytes, string, arrays, tuples).',
  });
}
