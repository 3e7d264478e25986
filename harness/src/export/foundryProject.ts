import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** harness/solidity/forge-std-lite: what `forge-std/` resolves to in projects Vigil writes. */
export const forgeStdLiteDir = fileURLToPath(new URL('../../solidity/forge-std-lite/', import.meta.url));

/**
 * A foundry.toml for a folder of exported tests: sources and tests in the folder itself,
 * offline, and `forge-std/` mapped to Vigil's forge-std-lite (relative, so the folder can move
 * with the checkout). `extra` remappings come after.
 */
export function foundryToml(dir: string, extra: readonly string[] = []): string {
  const lite = path.relative(dir, forgeStdLiteDir).split(path.sep).join('/');
  const remappings = [`forge-std/=${lite}/`, ...extra].map((r) => JSON.stringify(r)).join(', ');
  return [
    '# Written by `vigil export --foundry`: a Foundry project for the exported tests.',
    '# forge-std/ points at Vigil\'s forge-std-lite; a real forge-std works as well.',
    '[profile.default]',
    'src = "."',
    'test = "."',
    'out = "out"',
    'cache_path = "cache"',
    'libs = []',
    `remappings = [${remappings}]`,
    '',
    '[lint]',
    'lint_on_build = false',
    '',
  ].join('\n');
}
