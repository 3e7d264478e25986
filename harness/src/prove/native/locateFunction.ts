import { readFileSync } from 'node:fs';
import type { SourceLocation } from '../../report/types.js';

/** Where `function name(` is written in a Solidity file (the first one), for the report. */
export function locateFunction(file: string, name: string): SourceLocation | undefined {
  const source = readFileSync(file, 'utf8');
  const m = new RegExp(`function\\s+${name}\\s*\\(`).exec(source);
  if (m === null) return undefined;
  const before = source.slice(0, m.index);
  return { file, line: before.split('\n').length, column: m.index - before.lastIndexOf('\n') };
}
