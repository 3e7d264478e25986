import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { SpecSession } from './SpecSession.js';

type Located = Pick<SpecSession, 'sourceRoot' | 'suite'>;

/** Where the session's source unit names start from. */
export function sourceRootOf(session: Located): string {
  return session.sourceRoot ?? session.suite?.root ?? process.cwd();
}

/**
 * The file a source unit name was read from, as resolveImport found it: under the root,
 * else in a node_modules above it (`@openzeppelin/...`).
 */
export function sourceFileOf(session: Located, unit: string): string {
  const root = sourceRootOf(session);
  const direct = resolve(root, unit);
  if (existsSync(direct)) return direct;
  for (let dir = root; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', unit);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return direct;
  }
}

/** A source unit name as a path relative to the working directory, as reports give files. */
export function sourcePath(session: Located, unit: string): string {
  return relative(process.cwd(), sourceFileOf(session, unit)).split('\\').join('/');
}
