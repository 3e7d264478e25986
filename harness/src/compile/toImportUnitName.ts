/**
 * The source unit name solc gives an import, as solc's import callback will be asked for it:
 * a relative path (`./`, `../`) is joined to the importing unit's folder, then the remapping
 * with the longest matching context, then the longest matching prefix, replaces its prefix
 * (the last one listed wins a tie, as in solc).
 */
export function toImportUnitName(importer: string, path: string, remappings: readonly string[]): string {
  const relative = path.startsWith('./') || path.startsWith('../');
  const dir = dirname(importer);
  const joined = relative ? normalize(dir ? `${dir}/${path}` : path) : path;
  let best: { context: string; prefix: string; target: string } | undefined;
  for (const text of remappings) {
    const r = parseRemapping(text);
    if (!r || !importer.startsWith(r.context) || !joined.startsWith(r.prefix)) continue;
    const better = !best || r.context.length > best.context.length ||
      (r.context.length === best.context.length && r.prefix.length >= best.prefix.length);
    if (better) best = r;
  }
  return best ? best.target + joined.slice(best.prefix.length) : joined;
}

/** `context:prefix=target`, the context optional; undefined when there is no `=` or the prefix is empty. */
export function parseRemapping(text: string): { context: string; prefix: string; target: string } | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0) return undefined;
  const left = text.slice(0, eq);
  const colon = left.indexOf(':');
  const context = colon < 0 ? '' : left.slice(0, colon);
  const prefix = colon < 0 ? left : left.slice(colon + 1);
  return prefix ? { context, prefix, target: text.slice(eq + 1) } : undefined;
}

function dirname(unit: string): string {
  const slash = unit.lastIndexOf('/');
  return slash < 0 ? '' : unit.slice(0, slash);
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '.' || (part === '' && out.length > 0)) continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(part);
  }
  return out.join('/');
}
