import { describe, expect, it } from 'vitest';
import { VigilError } from '../../errors/VigilError.js';
import { parseReporterNames } from './parseReporterNames.js';

function usageError(value: unknown): VigilError {
  try {
    parseReporterNames(value, ['console']);
  } catch (e) {
    expect(e).toBeInstanceOf(VigilError);
    return e as VigilError;
  }
  throw new Error('expected a usage error');
}

describe('parseReporterNames', () => {
  it('gives the defaults without a flag', () => {
    expect(parseReporterNames(undefined, ['console', 'json', 'markdown'])).toEqual(['console', 'json', 'markdown']);
  });

  it('reads comma lists and repeated flags, in order, without repeats', () => {
    expect(parseReporterNames('sarif, junit,sarif', ['console'])).toEqual(['sarif', 'junit']);
    expect(parseReporterNames(['html', 'json,console'], ['console'])).toEqual(['html', 'json', 'console']);
  });

  it('names every unknown reporter and lists the valid ones (exit 2)', () => {
    const e = usageError('json,xml,pdf');
    expect(e.code).toBe('USAGE');
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('--reporter: unknown reporters "xml", "pdf"');
    expect(e.hint).toContain('console, json, markdown, junit, sarif, html');
  });

  it('rejects an empty list and a flag without a value', () => {
    expect(usageError(' , ').message).toContain('expected a comma-separated list');
    expect(usageError(true).code).toBe('USAGE');
  });
});
