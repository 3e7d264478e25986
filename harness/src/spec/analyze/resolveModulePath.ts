import path from 'node:path';

/**
 * Maps a relative import specifier to the TypeScript file it names. Specs import with
 * `.js` endings (NodeNext) while the source on disk is `.ts`, so endings are swapped.
 * Package imports are not followed: their source is often compiled and not ours to analyse.
 */
export function resolveModulePath(
  fromFile: string,
  specifier: string,
  fileExists: (file: string) => boolean,
): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  return candidatesFor(base).find(fileExists);
}

function candidatesFor(base: string): string[] {
  const jsEnding = /\.(m|c)?jsx?$/.exec(base);
  if (jsEnding) {
    const stem = base.slice(0, -jsEnding[0].length);
    const flavour = jsEnding[1] ?? '';
    return [`${stem}.${flavour}ts`, `${stem}.tsx`, base];
  }
  if (/\.(m|c)?tsx?$/.test(base)) return [base];
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')];
}
