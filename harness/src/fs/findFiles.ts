import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = new Set(['node_modules', '.git', '.vigil', 'out', 'cache']);

/** Files under `dir` whose name ends with `suffix`, sorted, skipping dependency and build folders. */
export function findFiles(dir: string, suffix: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (SKIP.has(name)) continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(suffix)) out.push(path);
    }
  };
  if (statSync(dir).isDirectory()) walk(dir);
  else if (dir.endsWith(suffix)) out.push(dir);
  return out;
}
