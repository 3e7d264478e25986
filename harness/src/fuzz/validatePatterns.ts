import type { AbiEvent, AbiFunction } from 'viem';
import { VigilError } from '../errors/VigilError.js';
import type { Deployment } from '../spec/deploySpec.js';
import { findLine } from '../spec/findLine.js';
import { matchesPattern, typeString } from './selectTargets.js';

/**
 * Property `on` patterns and ghost `onCall` / `onEvent` keys must name something the
 * contracts have: a typo would otherwise make a check silently never run.
 */
export function validatePatterns(d: Deployment): void {
  const functions = d.contracts.flatMap((c) =>
    c.abi
      .filter((x): x is AbiFunction => x.type === 'function')
      .map((fn) => ({ key: c.key, fn, signature: `${fn.name}(${fn.inputs.map(typeString).join(',')})` })),
  );
  const events = d.contracts.flatMap((c) => c.abi.filter((x): x is AbiEvent => x.type === 'event').map((e) => `${c.key}.${e.name}`));
  const problems: string[] = [];
  const fnPattern = (where: string, pattern: string) => {
    if (!functions.some((f) => matchesPattern(pattern, f.key, f.fn, f.signature))) {
      problems.push(`${where}: "${pattern}" names no function (at ${findLine(d.specFile, pattern)})`);
    }
  };
  for (const [name, p] of Object.entries(d.spec.properties ?? {})) {
    for (const pattern of p.on === undefined ? [] : typeof p.on === 'string' ? [p.on] : p.on) fnPattern(`properties.${name}.on`, pattern);
  }
  for (const [name, g] of Object.entries(d.spec.ghosts ?? {})) {
    for (const pattern of Object.keys(g.onCall ?? {})) fnPattern(`ghosts.${name}.onCall`, pattern);
    for (const pattern of Object.keys(g.onEvent ?? {})) {
      const [key, event] = pattern.split('.');
      if (!events.some((e) => e === pattern || (key === '*' && e.endsWith(`.${event}`)))) {
        problems.push(`ghosts.${name}.onEvent: "${pattern}" names no event (at ${findLine(d.specFile, pattern)})`);
      }
    }
  }
  if (problems.length > 0) {
    throw new VigilError('SPEC_UNKNOWN_FUNCTION', `${problems.length} pattern${problems.length === 1 ? '' : 's'} name nothing in the contracts`, {
      meta: [...problems, `functions: ${[...new Set(functions.map((f) => `${f.key}.${f.fn.name}`))].join(', ')}`],
      hint: 'Write `contractKey.function` (or `contractKey.*`) for calls and `contractKey.EventName` for events.',
    });
  }
}
