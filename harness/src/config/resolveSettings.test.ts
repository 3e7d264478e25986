import { describe, expect, it } from 'vitest';
import { VigilError } from '../errors/VigilError.js';
import { defaultSettings } from '../campaign/CampaignSettings.js';
import { resolveSettings } from './resolveSettings.js';
import type { VigilConfig } from './VigilConfig.js';

function usageError(run: () => unknown): VigilError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(VigilError);
    return e as VigilError;
  }
  throw new Error('expected a VigilError');
}

describe('resolveSettings', () => {
  it('gives the defaults without config or flags', () => {
    const s = resolveSettings({}, {});
    expect(s).toEqual(defaultSettings);
    expect(s.timeLimitMs).toBeUndefined();
  });

  it('takes the config over the defaults', () => {
    const config: VigilConfig = {
      fuzz: { seed: 9, runs: 3, depth: 4, time: 7, shrinkLimit: 11, maxTimeDelay: 0, maxBlockDelay: 5, assertions: false },
    };
    expect(resolveSettings(config, {})).toEqual({
      ...defaultSettings,
      seed: 9,
      runs: 3,
      depth: 4,
      timeLimitMs: 7000,
      shrinkLimit: 11,
      maxTimeDelay: 0,
      maxBlockDelay: 5,
      assertions: false,
    });
  });

  it('takes flags over the config, as numbers or numeric strings', () => {
    const config: VigilConfig = { fuzz: { seed: 9, runs: 3, depth: 4, time: 7, shrinkLimit: 11 } };
    const s = resolveSettings(config, { seed: '0', runs: 50, depth: '6', time: '2', shrinkLimit: 0, assertions: false });
    expect(s).toMatchObject({ seed: 0, runs: 50, depth: 6, timeLimitMs: 2000, shrinkLimit: 0, assertions: false });
  });

  it('keeps the config value for a flag that is not given', () => {
    const s = resolveSettings({ fuzz: { runs: 3, assertions: false } }, { depth: 8, assertions: true });
    expect(s.runs).toBe(3);
    expect(s.depth).toBe(8);
    // --no-assertions can only turn checks off; cac's default `true` must not undo the config.
    expect(s.assertions).toBe(false);
  });

  it('lists every bad flag at once as a USAGE error', () => {
    const e = usageError(() => resolveSettings({}, { runs: 'many', depth: 0, seed: -3, time: '', shrinkLimit: 1.5 }));
    expect(e.code).toBe('USAGE');
    expect(e.message).toBe('5 bad flags');
    expect([...e.meta].sort()).toEqual([
      '--depth: must be a whole number from 1 to 1000000000, got 0',
      '--runs: must be a whole number from 1 to 1000000000, got "many"',
      '--seed: must be a whole number from 0 to 1000000000, got -3',
      '--shrink-limit: must be a whole number from 0 to 1000000000, got 1.5',
      '--time: must be a whole number from 1 to 1000000000, got ""',
    ]);
    expect(e.exitCode).toBe(2);
  });

  it('names a single bad flag in the singular', () => {
    const e = usageError(() => resolveSettings({}, { runs: '10', depth: 'deep' }));
    expect(e.message).toBe('1 bad flag');
    expect(e.meta).toEqual(['--depth: must be a whole number from 1 to 1000000000, got "deep"']);
  });
});
