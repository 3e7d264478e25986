import { describe, expect, it } from 'vitest';
import { sampleReport } from './fixtures/sampleReport.js';
import { validateReport } from './validateReport.js';

describe('validateReport', () => {
  it('accepts the sample report and returns it', () => {
    const report = sampleReport();
    const result = validateReport(report);
    expect(result).toEqual({ ok: true, report });
  });

  it('accepts the sample after a JSON round trip (no bigints, no undefined)', () => {
    const data: unknown = JSON.parse(JSON.stringify(sampleReport()));
    expect(validateReport(data).ok).toBe(true);
    expect(data).toEqual(sampleReport());
  });

  it('lists every problem with a dotted path', () => {
    const data = JSON.parse(JSON.stringify(sampleReport()));
    data.specs[1].findings[0].shrunk.calls[1].value = 5;
    data.specs[1].findings[0].shrunk.calls[0].sender = '0x10000';
    data.specs[0].stats.calls = -1;
    data.specs[0].checks[0].status = 'ok';
    delete data.settings.seed;
    data.tool.extra = true;
    const result = validateReport(data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'specs[1].findings[0].shrunk.calls[1].value: must be string',
        expect.stringMatching(/^specs\[1\]\.findings\[0\]\.shrunk\.calls\[0\]\.sender: must match pattern/),
        'specs[0].stats.calls: must be >= 0',
        'specs[0].checks[0].status: must be one of "passed", "failed", "error"',
        'settings.seed: is required',
        'tool.extra: is not an allowed property',
      ]),
    );
    expect(result.errors).toHaveLength(6);
  });

  it('rejects a non-object at the root', () => {
    expect(validateReport('nope')).toEqual({ ok: false, errors: ['(root): must be object'] });
  });

  it('rejects bigints, which JSON cannot carry', () => {
    const data = JSON.parse(JSON.stringify(sampleReport()));
    data.specs[0].stats.calls = 25_600n;
    expect(validateReport(data)).toEqual({ ok: false, errors: ['specs[0].stats.calls: must be integer'] });
  });

  it('rejects a newer schema version with one clear message', () => {
    const data = { ...sampleReport(), schemaVersion: 2, somethingNew: [] };
    expect(validateReport(data)).toEqual({
      ok: false,
      errors: ['report schema version 2 is newer than this Vigil supports (1)'],
    });
  });

  it('rejects an older or malformed version through the schema', () => {
    const data = { ...sampleReport(), schemaVersion: 0 };
    expect(validateReport(data)).toEqual({ ok: false, errors: ['schemaVersion: must be 1'] });
  });
});
