import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

/** The first `file:line:col` of a stack that lies in `file` (the spec), relative to cwd; undefined if none. */
export function locateInStack(stack: string | undefined, file: string): string | undefined {
  if (stack === undefined) return undefined;
  for (const line of stack.split('\n')) {
    const m = /\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (!m) continue;
    const path = m[1]!.startsWith('file://') ? fileURLToPath(m[1]!) : m[1]!;
    if (path === file) return `${relative(process.cwd(), path)}:${m[2]}:${m[3]}`;
  }
  return undefined;
}
