import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VigilError } from '../errors/VigilError.js';
import { loadConfig } from './loadConfig.js';

const dirs: string[] = [];
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-config-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function loadError(root: string, file?: string): VigilError {
  try {
    loadConfig(root, file);
  } catch (e) {
    expect(e).toBeInstanceOf(VigilError);
    return e as VigilError;
  }
  throw new Error('expected a VigilError');
}

describe('loadConfig', () => {
  it('reads vigil.config.json from the root', () => {
    const root = project({ 'vigil.config.json': JSON.stringify({ out: 'out', fuzz: { runs: 5 } }) });
    expect(loadConfig(root)).toEqual({ out: 'out', fuzz: { runs: 5 } });
  });

  it('treats a missing default file as an empty config, but not a missing named one', () => {
    const root = project({});
    expect(loadConfig(root)).toEqual({});
    const e = loadError(root, 'custom.json');
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('custom.json');
  });

  it('reports invalid JSON as CONFIG_INVALID', () => {
    const root = project({ 'vigil.config.json': '{ "out": "x", }' });
    const e = loadError(root);
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(/vigil\.config\.json is not valid JSON/);
  });

  it('throws every validation problem at once, as meta lines', () => {
    const root = project({ 'alt.json': JSON.stringify({ specs: 3, fuzz: { runs: -1, depht: 4 } }) });
    const e = loadError(root, 'alt.json');
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(/^3 problems in .*alt\.json$/);
    expect(e.meta).toHaveLength(3);
    expect(e.meta.some((m) => /specs: must be a list of strings/.test(m))).toBe(true);
    expect(e.meta.some((m) => /fuzz\.runs: must be a whole number/.test(m))).toBe(true);
    expect(e.meta.some((m) => /fuzz\.depht: unknown key/.test(m))).toBe(true);
    expect(e.format()).toContain(`Hint: `);
  });
});
