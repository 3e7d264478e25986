import { describe, expect, it } from 'vitest';
import { errorCodes, type ErrorCode } from './codes.js';
import { VigilError, isVigilError } from './VigilError.js';

const codes = Object.keys(errorCodes) as ErrorCode[];

describe('errorCodes', () => {
  it('has no two codes that differ only in case', () => {
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes.map((c) => c.toUpperCase())).size).toBe(codes.length);
  });

  it.each(codes)('%s is SCREAMING_SNAKE, has a hint and an exit code of 2, 3 or 4', (code) => {
    expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    const { exit, hint } = errorCodes[code];
    expect([2, 3, 4]).toContain(exit);
    expect(hint.trim().length).toBeGreaterThan(10);
    // One concrete sentence, not a multi-line essay.
    expect(hint).not.toContain('\n');
  });

  it('gives each code its own hint, so a hint says something about that code', () => {
    const hints = codes.map((c) => errorCodes[c].hint);
    expect(new Set(hints).size).toBe(hints.length);
  });

  it('marks only INTERNAL as a bug (exit 4)', () => {
    expect(codes.filter((c) => errorCodes[c].exit === 4)).toEqual(['INTERNAL']);
  });
});

describe('VigilError', () => {
  it('formats the fact, the meta lines indented, and the default hint', () => {
    const e = new VigilError('COMPILE_ERROR', 'solc: ParserError: Expected ";"', {
      meta: ['at targets/A.sol:3:5', 'contract A'],
    });
    expect(e.format()).toBe(
      [
        'error[COMPILE_ERROR]: solc: ParserError: Expected ";"',
        '  at targets/A.sol:3:5',
        '  contract A',
        `Hint: ${errorCodes.COMPILE_ERROR.hint}`,
      ].join('\n'),
    );
  });

  it('formats without meta lines as two lines', () => {
    const e = new VigilError('USAGE', 'unknown flag --rusn');
    expect(e.format().split('\n')).toEqual(['error[USAGE]: unknown flag --rusn', `Hint: ${errorCodes.USAGE.hint}`]);
  });

  it('uses an overriding hint and keeps the cause', () => {
    const cause = new Error('ENOENT');
    const e = new VigilError('IO', 'cannot write reports/x.json', { hint: 'Create the reports folder.', cause });
    expect(e.format()).toMatch(/\nHint: Create the reports folder\.$/);
    expect(e.format()).not.toContain(errorCodes.IO.hint);
    expect(e.cause).toBe(cause);
  });

  it('carries code, exit code and name, and is recognised by isVigilError', () => {
    const e = new VigilError('FORGE_UNAVAILABLE', 'forge not found');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('VigilError');
    expect(e.code).toBe('FORGE_UNAVAILABLE');
    expect(e.exitCode).toBe(3);
    expect(new VigilError('INTERNAL', 'x').exitCode).toBe(4);
    expect(isVigilError(e)).toBe(true);
    expect(isVigilError(new Error('plain'))).toBe(false);
    expect(isVigilError({ code: 'USAGE', message: 'x' })).toBe(false);
  });

  it('never prints a stack trace', () => {
    const e = new VigilError('SPEC_LOAD', 'cannot load specs/A.spec.ts');
    expect(e.format()).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });
});
