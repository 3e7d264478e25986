import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleReport } from './fixtures/sampleReport.js';
import { normalizeReport } from './normalizeReport.js';
import { validateReport } from './validateReport.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaNode = { [key: string]: unknown };

const schema = JSON.parse(
  readFileSync(new URL('../../../reports/schema/report.v1.schema.json', import.meta.url), 'utf8'),
) as SchemaNode;

/** Paths (`specs[].stats.durationMs`) of the fields the schema marks as timing by referring to a `timing*` definition. */
function schemaTimingPaths(node: SchemaNode, path: string, seen: Set<string>): string[] {
  const ref = typeof node.$ref === 'string' ? node.$ref : undefined;
  if (ref?.startsWith('#/$defs/timing')) return [path];
  if (ref) {
    if (seen.has(ref)) return [];
    const defs = schema.$defs as Record<string, SchemaNode>;
    return schemaTimingPaths(defs[ref.slice('#/$defs/'.length)]!, path, new Set([...seen, ref]));
  }
  const props = (node.properties ?? {}) as Record<string, SchemaNode>;
  const fromProps = Object.entries(props).flatMap(([key, child]) =>
    schemaTimingPaths(child, path === '' ? key : `${path}.${key}`, seen),
  );
  const fromItems = node.items ? schemaTimingPaths(node.items as SchemaNode, `${path}[]`, seen) : [];
  return [...fromProps, ...fromItems];
}

/** Paths, with array indices erased, where two JSON values differ. */
function changedPaths(a: Json, b: Json, path = ''): string[] {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b ? [] : [path];
  if (Array.isArray(a) && Array.isArray(b)) return a.flatMap((x, i) => changedPaths(x, b[i]!, `${path}[]`));
  const ao = a as Record<string, Json>;
  const bo = b as Record<string, Json>;
  return Object.keys(ao).flatMap((k) => changedPaths(ao[k]!, bo[k]!, path === '' ? k : `${path}.${k}`));
}

describe('normalizeReport', () => {
  it('zeroes the timing fields and nothing else', () => {
    const report = sampleReport();
    const normalized = normalizeReport(report);
    expect(normalized.createdAt).toBe('1970-01-01T00:00:00.000Z');
    expect(normalized.durationMs).toBe(0);
    for (const spec of normalized.specs) {
      expect(spec.stats.durationMs).toBe(0);
      expect(spec.stats.callsPerSec).toBe(0);
      for (const f of spec.findings) expect(f.firstFoundMs).toBe(0);
    }
    const changed = new Set(changedPaths(report as unknown as Json, normalized as unknown as Json));
    expect([...changed].sort()).toEqual([...new Set(schemaTimingPaths(schema, '', new Set()))].sort());
  });

  it('makes reports that differ only in timing equal, keeps key order and stays valid', () => {
    const a = sampleReport();
    const b = sampleReport();
    b.createdAt = '2026-03-01T00:00:00Z';
    b.durationMs = 99;
    b.specs[1]!.stats.callsPerSec = 1;
    b.specs[1]!.findings[0]!.firstFoundMs = 7;
    expect(JSON.stringify(normalizeReport(a))).toBe(JSON.stringify(normalizeReport(b)));
    expect(Object.keys(normalizeReport(a))).toEqual(Object.keys(a));
    expect(validateReport(normalizeReport(a)).ok).toBe(true);
  });

  it('does not modify its argument', () => {
    const report = sampleReport();
    normalizeReport(report);
    expect(report).toEqual(sampleReport());
  });
});
