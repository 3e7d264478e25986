import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { VigilError } from '../errors/VigilError.js';
import { validateConfig } from './validateConfig.js';
import type { VigilConfig } from './VigilConfig.js';

/** Reads `vigil.config.json` (or the file given) and validates it; no file means an empty config. */
export function loadConfig(root: string, file?: string): VigilConfig {
  const path = resolve(root, file ?? 'vigil.config.json');
  if (!existsSync(path)) {
    if (file !== undefined) throw new VigilError('CONFIG_INVALID', `config file not found: ${file}`);
    return {};
  }
  const origin = relative(process.cwd(), path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new VigilError('CONFIG_INVALID', `${origin} is not valid JSON: ${(e as Error).message}`);
  }
  const { config, problems } = validateConfig(raw, origin);
  if (problems.length > 0) {
    throw new VigilError('CONFIG_INVALID', `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${origin}`, { meta: problems });
  }
  return config;
}
