import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VigilError } from '../errors/VigilError.js';
import type { Spec } from './types.js';
import { validateSpec } from './validateSpec.js';
import { escapeRegExp as escape } from './escapeRegExp.js';

/** Imports a spec file (TypeScript, through the loader the CLI registers) and checks its shape. */
export async function loadSpec(file: string): Promise<Spec> {
  const rel = relative(process.cwd(), file);
  if (!existsSync(file)) throw new VigilError('SPEC_NOT_FOUND', `spec file not found: ${rel}`);
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (e) {
    throw loadError(e, file, rel);
  }
  const spec = mod.default as Spec | undefined;
  if (spec === undefined || spec === null || (spec as { kind?: string }).kind !== 'vigil-spec') {
    throw new VigilError('SPEC_NO_DEFAULT', `${rel} has no default export made by defineSpec(...)`, {
      meta: [`at ${rel}:1`, `default export: ${spec === undefined ? 'none' : typeof spec}`],
    });
  }
  const problems = validateSpec(spec, file);
  if (problems.length > 0) {
    throw new VigilError('SPEC_INVALID', `${rel}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the spec`, { meta: problems });
  }
  return spec;
}

function loadError(e: unknown, file: string, rel: string): VigilError {
  const err = e as Error & { errors?: { text: string; location?: { line: number; column: number; lineText?: string } }[] };
  const meta: string[] = [];
  // esbuild (through tsx) reports syntax errors with their own locations.
  for (const x of err.errors ?? []) meta.push(`at ${rel}:${x.location?.line ?? '?'}:${(x.location?.column ?? 0) + 1}: ${x.text}`);
  if (meta.length === 0) {
    // esbuild's TransformError carries its diagnostics in the message: `file:line:col: ERROR: text`.
    for (const m of (err.message ?? '').matchAll(new RegExp(`${escape(file)}:(\\d+):(\\d+): (?:ERROR|error): (.*)`, 'g'))) {
      meta.push(`at ${rel}:${m[1]}:${m[2]}: ${m[3]}`);
    }
  }
  if (meta.length === 0) {
    const m = new RegExp(`${escape(file)}:(\\d+):(\\d+)`).exec(`${err.message}\n${err.stack ?? ''}`);
    if (m) meta.push(`at ${rel}:${m[1]}:${m[2]}`);
  }
  const firstLine = (err.message ?? String(e)).split('\n').find((l) => l.trim() !== '') ?? String(e);
  return new VigilError('SPEC_LOAD', `cannot load ${rel}: ${firstLine.replace(file, rel)}`, { meta, cause: e });
}

