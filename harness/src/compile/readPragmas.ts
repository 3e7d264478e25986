import { stripComments } from './stripComments.js';

/** The version ranges of every `pragma solidity …;` in a source, as written (`^0.8.0`, `>=0.6.2 <0.9.0`). */
export function readPragmas(source: string): string[] {
  const ranges: string[] = [];
  for (const m of stripComments(source).matchAll(/\bpragma\s+solidity\s+([^;]*);/g)) ranges.push(m[1]!.trim().replace(/\s+/g, ' '));
  return ranges;
}
