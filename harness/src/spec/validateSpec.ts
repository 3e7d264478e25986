import { findLine } from './findLine.js';
import type { Spec } from './types.js';
import { validateLevers } from './validateLevers.js';

/** Every shape problem of a loaded spec, each with its dotted path and line, all at once. */
export function validateSpec(spec: Spec, file: string): string[] {
  const problems: string[] = [];
  const at = (needle: string | RegExp) => findLine(file, needle);
  const problem = (path: string, what: string, needle: string | RegExp = path.split('.').pop()!) => problems.push(`${path}: ${what} (at ${at(needle)})`);

  if (!Array.isArray(spec.sources) || spec.sources.length === 0 || spec.sources.some((s) => typeof s !== 'string')) {
    problem('sources', 'must be a non-empty list of Solidity file paths, relative to the spec');
  }
  if (typeof spec.contracts !== 'object' || spec.contracts === null || Object.keys(spec.contracts).length === 0) {
    problem('contracts', 'must name at least one contract to deploy: { key: { contract: "Name" } }');
  } else {
    for (const [key, decl] of Object.entries(spec.contracts)) {
      if (typeof decl?.contract !== 'string') problem(`contracts.${key}.contract`, 'must be the Solidity contract name', key);
      if (decl?.args !== undefined && !Array.isArray(decl.args) && typeof decl.args !== 'function') {
        problem(`contracts.${key}.args`, 'must be an array or a function returning one', key);
      }
    }
  }
  // A list instead of an object would pass below with checks named "0", "1"…: say so instead.
  for (const field of ['invariants', 'properties', 'ghosts'] as const) {
    const v: unknown = spec[field];
    if (v !== undefined && (v === null || typeof v !== 'object' || Array.isArray(v))) {
      problem(field, `must be an object of named ${field === 'ghosts' ? 'ghosts' : 'checks'} ({ name: ... }), got ${Array.isArray(v) ? 'a list' : typeof v}`, new RegExp(`^\\s*${field}\\s*:`));
    }
  }
  const named = <T>(v: T | undefined): T | Record<string, never> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});
  for (const [name, fn] of Object.entries(named(spec.invariants))) {
    if (typeof fn !== 'function') problem(`invariants.${name}`, 'must be a function of the context returning a boolean', name);
  }
  for (const [name, p] of Object.entries(named(spec.properties))) {
    if (typeof p?.check !== 'function') problem(`properties.${name}.check`, 'must be a function of the context returning a boolean', name);
  }
  for (const [name, g] of Object.entries(named(spec.ghosts))) {
    if (g === null || typeof g !== 'object' || !('initial' in g)) problem(`ghosts.${name}`, 'must have an `initial` value', name);
  }
  const addresses = spec.targets?.addresses;
  if (addresses !== undefined && !['actors', 'known', 'any'].includes(addresses)) {
    problem('targets.addresses', `must be 'actors', 'known' or 'any', got ${JSON.stringify(addresses)}`, 'addresses');
  }
  problems.push(...validateLevers(spec, at));
  const fuzz = spec.fuzz ?? {};
  for (const [key, v] of Object.entries(fuzz)) {
    if (key === 'assertions') {
      if (typeof v !== 'boolean') problem(`fuzz.${key}`, 'must be true or false', key);
    } else if (!['runs', 'depth', 'maxTimeDelay', 'maxBlockDelay', 'shrinkLimit'].includes(key)) {
      problem(`fuzz.${key}`, 'is not a setting (runs, depth, maxTimeDelay, maxBlockDelay, shrinkLimit, assertions)', key);
    } else {
      const min = key === 'runs' || key === 'depth' ? 1 : 0;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > 1e9) {
        problem(`fuzz.${key}`, `must be a whole number from ${min} to 1e9, got ${String(v)}`, key);
      }
    }
  }
  if (spec.invariants === undefined && spec.properties === undefined && spec.fuzz?.assertions === false) {
    problems.push('the spec checks nothing: add invariants or properties, or leave assertion mode on');
  }
  return problems;
}
