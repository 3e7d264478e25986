import { readImports } from './readImports.js';
import { resolveImport } from './resolveImport.js';
import { toImportUnitName } from './toImportUnitName.js';

/**
 * The entry sources and every source they import, transitively, found the way solc's import
 * callback will find them. Solc reads pragmas only of what it compiles, so choosing a compiler
 * from pragmas needs the whole graph first. An import that cannot be found is skipped here:
 * solc reports it with its file:line.
 */
export function collectSources(
  root: string,
  entries: Record<string, string>,
  remappings: readonly string[],
): { name: string; content: string }[] {
  const found = new Map(Object.entries(entries));
  const queue = [...found.keys()];
  for (let unit = queue.shift(); unit !== undefined; unit = queue.shift()) {
    for (const path of readImports(found.get(unit)!)) {
      const name = toImportUnitName(unit, path, remappings);
      if (found.has(name)) continue;
      const file = resolveImport(root, name);
      if (!('contents' in file)) continue;
      found.set(name, file.contents);
      queue.push(name);
    }
  }
  return [...found].map(([name, content]) => ({ name, content }));
}
