import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Finds the file solc asks for: first under the project root (relative imports and
 * remapped paths arrive as root-relative source unit names), then in every
 * `node_modules` from the root upwards (`@openzeppelin/contracts/...`).
 */
export function resolveImport(root: string, unitName: string): { contents: string } | { error: string } {
  const candidates = [resolve(root, unitName)];
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    candidates.push(join(dir, 'node_modules', unitName));
    if (dirname(dir) === dir) break;
  }
  for (const file of candidates) {
    if (existsSync(file)) return { contents: readFileSync(file, 'utf8') };
  }
  return { error: `File not found: ${unitName} (looked in ${root} and node_modules; install the package or add a remapping)` };
}
