import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A project's remappings in forge's order of precedence: the user's (foundry.toml's, then
 * remappings.txt's), then one detected per folder in each lib folder (`<name>/=lib/<name>/src/`
 * when it has a `src`, else `<name>/=lib/<name>/`). The first remapping of a (context, prefix)
 * wins, so a user remapping beats a detected one. Targets stay relative to the root.
 */
export function resolveRemappings(root: string, libs: readonly string[], user: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (remapping: string) => {
    const key = keyOf(remapping);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(remapping);
  };
  user.forEach(add);
  for (const lib of libs) detectLibRemappings(root, lib).forEach(add);
  return out;
}

/** remappings.txt at the root with line numbers: blank lines and `#` or `//` comments skipped. */
export function readRemappingsTxt(root: string): { line: number; text: string }[] {
  const file = join(root, 'remappings.txt');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, text: l.trim() }))
    .filter((l) => l.text !== '' && !l.text.startsWith('#') && !l.text.startsWith('//'));
}

function detectLibRemappings(root: string, lib: string): string[] {
  const libDir = join(root, lib);
  if (!existsSync(libDir) || !statSync(libDir).isDirectory()) return [];
  const base = lib.replace(/\/+$/, '');
  return readdirSync(libDir)
    .filter((name) => !name.startsWith('.') && statSync(join(libDir, name)).isDirectory())
    .sort()
    .map((name) => (existsSync(join(libDir, name, 'src')) ? `${name}/=${base}/${name}/src/` : `${name}/=${base}/${name}/`));
}

/** `ctx:prefix` without a trailing slash: `forge-std` and `forge-std/` name the same prefix. */
function keyOf(remapping: string): string {
  const eq = remapping.indexOf('=');
  return (eq < 0 ? remapping : remapping.slice(0, eq)).replace(/\/+$/, '');
}
