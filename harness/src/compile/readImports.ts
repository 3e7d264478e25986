import { stripComments } from './stripComments.js';

/**
 * The paths of every import of a source, as written: `import "a.sol";`, `import "a.sol" as A;`,
 * `import * as A from "a.sol";`, `import {X, Y as Z} from "a.sol";`.
 */
export function readImports(source: string): string[] {
  const paths: string[] = [];
  for (const m of stripComments(source).matchAll(/\bimport\b\s*(?:[^;'"]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g)) paths.push(m[2]!);
  return paths;
}
