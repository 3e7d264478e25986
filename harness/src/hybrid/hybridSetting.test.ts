import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../campaign/CampaignSettings.js';
import { resolveLayers } from '../config/resolveSettings.js';
import { validateConfig } from '../config/validateConfig.js';

describe('the hybrid setting', () => {
  it('is auto by default, taken from the config, and the flag beats the config and the spec', () => {
    expect(defaultSettings.hybrid).toBe('auto');
    expect(resolveLayers({}, {}).settings.hybrid).toBe('auto');
    expect(resolveLayers({ fuzz: { hybrid: 'off' } }, {}).settings.hybrid).toBe('off');
    const layers = resolveLayers({ fuzz: { hybrid: 'off' } }, { hybrid: 'on' });
    expect(layers.settings.hybrid).toBe('on');
    expect(layers.fromFlags.hybrid).toBe('on');
  });

  it('rejects another mode in the config and on the command line, naming the choices', () => {
    const { problems } = validateConfig({ fuzz: { hybrid: 'sometimes' } }, 'vigil.config.json');
    expect(problems).toEqual(['vigil.config.json: fuzz.hybrid: must be one of auto, on, off, got "sometimes"']);
    let meta: string[] = [];
    try {
      resolveLayers({}, { hybrid: 'yes', runs: '0' });
    } catch (e) {
      meta = (e as { meta: string[] }).meta;
    }
    expect(meta).toContain('--hybrid: must be one of auto, on, off, got "yes"');
    expect(meta).toHaveLength(2);
  });
});
