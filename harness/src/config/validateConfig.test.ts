import { describe, expect, it } from 'vitest';
import { checkKind, validateConfig } from './validateConfig.js';

const ORIGIN = 'vigil.config.json';

describe('validateConfig', () => {
  it('accepts a full valid config and returns it', () => {
    const raw = {
      specs: ['specs', 'more/specs'],
      out: 'reports',
      fuzz: { seed: 0, runs: 10, depth: 20, time: 60, shrinkLimit: 0, maxTimeDelay: 0, maxBlockDelay: 100, assertions: false },
    };
    const { config, problems } = validateConfig(raw, ORIGIN);
    expect(problems).toEqual([]);
    expect(config).toEqual(raw);
  });

  it('accepts an empty object', () => {
    expect(validateConfig({}, ORIGIN)).toEqual({ config: {}, problems: [] });
  });

  it('lists every problem at once, each with its dotted path, the value and the origin', () => {
    const raw = {
      specs: 'specs',
      out: '',
      fuzz: { runs: 0, depth: 1.5, seed: -1, time: '10', assertions: 'yes', shrinkLimit: 2e9, bogus: 1 },
      extra: true,
    };
    const { problems } = validateConfig(raw, ORIGIN);
    expect(problems).toHaveLength(10);
    for (const p of problems) expect(p.startsWith(`${ORIGIN}: `)).toBe(true);
    const byPath = Object.fromEntries(problems.map((p) => [p.slice(ORIGIN.length + 2).split(':')[0]!, p]));
    expect(Object.keys(byPath).sort()).toEqual(
      ['extra', 'fuzz.assertions', 'fuzz.bogus', 'fuzz.depth', 'fuzz.runs', 'fuzz.seed', 'fuzz.shrinkLimit', 'fuzz.time', 'out', 'specs'],
    );
    expect(byPath['specs']).toBe(`${ORIGIN}: specs: must be a list of strings, got "specs"`);
    expect(byPath['out']).toBe(`${ORIGIN}: out: must be a non-empty string, got ""`);
    expect(byPath['fuzz.runs']).toBe(`${ORIGIN}: fuzz.runs: must be a whole number from 1 to 1000000000, got 0`);
    expect(byPath['fuzz.depth']).toContain('got 1.5');
    expect(byPath['fuzz.seed']).toBe(`${ORIGIN}: fuzz.seed: must be a whole number from 0 to 1000000000, got -1`);
    expect(byPath['fuzz.time']).toContain('got "10"');
    expect(byPath['fuzz.assertions']).toBe(`${ORIGIN}: fuzz.assertions: must be true or false, got "yes"`);
    expect(byPath['fuzz.shrinkLimit']).toContain('got 2000000000');
  });

  it('names the known keys at the level of an unknown one', () => {
    const { problems } = validateConfig({ fuzz: { run: 5 }, spec: ['x'] }, ORIGIN);
    expect(problems).toContain(
      `${ORIGIN}: fuzz.run: unknown key (known: fuzz.seed, fuzz.runs, fuzz.depth, fuzz.time, fuzz.shrinkLimit, fuzz.maxTimeDelay, fuzz.maxBlockDelay, fuzz.assertions, fuzz.checkTimeout, fuzz.hybrid)`,
    );
    expect(problems).toContain(`${ORIGIN}: spec: unknown key (known: specs, out, fuzz)`);
    expect(problems).toHaveLength(2);
  });

  it('does not look inside a section of the wrong kind', () => {
    const { problems } = validateConfig({ fuzz: [1, 2] }, ORIGIN);
    expect(problems).toEqual([`${ORIGIN}: fuzz: must be an object, got [1,2]`]);
    expect(validateConfig({ fuzz: null }, ORIGIN).problems).toEqual([`${ORIGIN}: fuzz: must be an object, got null`]);
  });

  it.each([[null], [[]], ['runs=5'], [42]])('rejects %j as a whole', (raw) => {
    expect(validateConfig(raw, ORIGIN)).toEqual({ config: {}, problems: [`${ORIGIN}: the config must be a JSON object`] });
  });
});

describe('checkKind', () => {
  it('checks counts and positive counts at their bounds', () => {
    expect(checkKind('count', 0)).toBeUndefined();
    expect(checkKind('count', 1e9)).toBeUndefined();
    expect(checkKind('count', 1e9 + 1)).toBeDefined();
    expect(checkKind('count', Number.NaN)).toBeDefined();
    expect(checkKind('count', '3')).toBeDefined();
    expect(checkKind('positive', 0)).toBeDefined();
    expect(checkKind('positive', 1)).toBeUndefined();
    expect(checkKind('positive', Infinity)).toBeDefined();
  });

  it('checks strings, lists, booleans and objects', () => {
    expect(checkKind('string', 'a')).toBeUndefined();
    expect(checkKind('string', 1)).toBeDefined();
    expect(checkKind('string[]', [])).toBeUndefined();
    expect(checkKind('string[]', ['a', 2])).toBeDefined();
    expect(checkKind('boolean', false)).toBeUndefined();
    expect(checkKind('boolean', 0)).toBeDefined();
    expect(checkKind('object', {})).toBeUndefined();
    expect(checkKind('object', [])).toBeDefined();
  });
});
