import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { VigilError } from '../errors/VigilError.js';

const require = createRequire(import.meta.url);

/**
 * Absolute path of the forge binary shipped by the dev dependency @foundry-rs/forge
 * (its per-platform package, e.g. @foundry-rs/forge-linux-amd64/bin/forge).
 * Throws FORGE_UNAVAILABLE when it is not installed.
 */
export function findForge(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  const pkg = `@foundry-rs/forge-${process.platform}-${arch}`;
  const exe = process.platform === 'win32' ? 'forge.exe' : 'forge';
  let bin: string | undefined;
  try {
    bin = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'bin', exe);
  } catch {
    bin = undefined;
  }
  if (!bin || !existsSync(bin)) {
    throw new VigilError('FORGE_UNAVAILABLE', `forge is not installed: ${pkg} was not found in node_modules`, {
      meta: [`platform: ${process.platform}-${process.arch}`],
    });
  }
  return bin;
}
