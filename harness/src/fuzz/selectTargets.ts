import { toFunctionSelector, type AbiFunction, type Hex } from 'viem';
import { VigilError } from '../errors/VigilError.js';
import { findLine } from '../spec/findLine.js';
import type { Deployment } from '../spec/deploySpec.js';
import type { TargetFunction } from './TargetFunction.js';

/** `key.fn`, `key.*`, `key.fn(type,…)`, `*.fn`: does a pattern name this function? */
export function matchesPattern(pattern: string, key: string, fn: AbiFunction, signature: string): boolean {
  const dot = pattern.indexOf('.');
  if (dot < 0) return false;
  const [c, f] = [pattern.slice(0, dot), pattern.slice(dot + 1)];
  if (c !== '*' && c !== key) return false;
  return f === '*' || f === fn.name || f === signature;
}

/**
 * The functions the fuzzer calls: every state-changing function of every contract by
 * default, narrowed by `targets.include` and `targets.exclude`. A pattern that names
 * nothing is an error, so a typo never silently shrinks the search.
 */
export function selectTargets(d: Deployment): TargetFunction[] {
  const all: TargetFunction[] = [];
  for (const c of d.contracts) {
    for (const item of c.abi) {
      if (item.type !== 'function' || item.stateMutability === 'view' || item.stateMutability === 'pure') continue;
      const signature = `${item.name}(${item.inputs.map(typeString).join(',')})`;
      all.push({ contract: c, fn: item, signature, selector: toFunctionSelector(signature) as Hex, id: `${c.key}.${item.name}` });
    }
  }
  const include = d.spec.targets?.include;
  const exclude = d.spec.targets?.exclude ?? [];
  for (const pattern of [...(include ?? []), ...exclude]) {
    if (!all.some((t) => matchesPattern(pattern, t.contract.key, t.fn, t.signature))) {
      throw new VigilError('SPEC_UNKNOWN_FUNCTION', `targets: "${pattern}" matches no state-changing function`, {
        meta: [`at ${findLine(d.specFile, pattern)}`, `callable: ${[...new Set(all.map((t) => t.id))].join(', ') || '(none)'}`],
        hint: 'Write patterns as `contractKey.function`, `contractKey.*` or `contractKey.fn(types)`; view functions are never targets.',
      });
    }
  }
  const chosen = all.filter(
    (t) =>
      (include === undefined || include.some((p) => matchesPattern(p, t.contract.key, t.fn, t.signature))) &&
      !exclude.some((p) => matchesPattern(p, t.contract.key, t.fn, t.signature)),
  );
  if (chosen.length === 0) {
    throw new VigilError('SPEC_INVALID', 'the spec leaves the fuzzer no function to call', {
      meta: [`at ${findLine(d.specFile, 'targets')}`],
      hint: 'The contracts need at least one non-view function, and `targets` must not exclude them all.',
    });
  }
  return chosen;
}

export function typeString(p: { type: string; components?: readonly { type: string; components?: unknown }[] }): string {
  if (p.type.startsWith('tuple')) {
    const inner = (p.components ?? []).map((c) => typeString(c as never)).join(',');
    return `(${inner})${p.type.slice('tuple'.length)}`;
  }
  return p.type;
}
