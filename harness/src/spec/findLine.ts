import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** `file:line` of the first line of `file` that contains `needle`, or just the file. */
export function findLine(file: string, needle: string | RegExp): string {
  const rel = relative(process.cwd(), file);
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    const i = lines.findIndex((l) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l)));
    return i < 0 ? rel : `${rel}:${i + 1}`;
  } catch {
    return rel;
  }
}
