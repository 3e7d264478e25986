import { VigilError } from '../errors/VigilError.js';
import { defaultSettings, type CampaignSettings } from '../campaign/CampaignSettings.js';
import { checkKind } from './validateConfig.js';
import type { VigilConfig } from './VigilConfig.js';

export interface RunFlags {
  seed?: unknown;
  runs?: unknown;
  depth?: unknown;
  time?: unknown;
  shrinkLimit?: unknown;
  assertions?: unknown;
  checkTimeout?: unknown;
  hybrid?: unknown;
}

export interface ResolvedSettings {
  /** Defaults, then the config file, then flags. */
  settings: CampaignSettings;
  /** What the flags set: these also beat a spec's own `fuzz` block. */
  fromFlags: Partial<CampaignSettings>;
}

/** Defaults, then the config file, then flags; every bad flag reported at once. */
export function resolveSettings(config: VigilConfig, flags: RunFlags): CampaignSettings {
  return resolveLayers(config, flags).settings;
}

export function resolveLayers(config: VigilConfig, flags: RunFlags): ResolvedSettings {
  const problems: string[] = [];
  const flag = (name: string, value: unknown, kind: 'count' | 'positive'): number | undefined => {
    if (value === undefined) return undefined;
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    const problem = checkKind(kind, n);
    if (problem) {
      problems.push(`--${name}: ${problem}, got ${JSON.stringify(value)}`);
      return undefined;
    }
    return n as number;
  };
  const f = config.fuzz ?? {};
  const time = flag('time', flags.time, 'positive') ?? f.time;
  const checkTimeout = flag('check-timeout', flags.checkTimeout, 'positive') ?? f.checkTimeout;
  const hybridProblem = flags.hybrid === undefined ? undefined : checkKind('hybrid', flags.hybrid);
  if (hybridProblem) problems.push(`--hybrid: ${hybridProblem}, got ${JSON.stringify(flags.hybrid)}`);
  const hybrid = (hybridProblem ? undefined : (flags.hybrid as CampaignSettings['hybrid'])) ?? f.hybrid;
  const settings: CampaignSettings = {
    ...defaultSettings,
    seed: flag('seed', flags.seed, 'count') ?? f.seed ?? defaultSettings.seed,
    runs: flag('runs', flags.runs, 'positive') ?? f.runs ?? defaultSettings.runs,
    depth: flag('depth', flags.depth, 'positive') ?? f.depth ?? defaultSettings.depth,
    shrinkLimit: flag('shrink-limit', flags.shrinkLimit, 'count') ?? f.shrinkLimit ?? defaultSettings.shrinkLimit,
    maxTimeDelay: f.maxTimeDelay ?? defaultSettings.maxTimeDelay,
    maxBlockDelay: f.maxBlockDelay ?? defaultSettings.maxBlockDelay,
    assertions: flags.assertions === false ? false : f.assertions ?? defaultSettings.assertions,
    ...(time !== undefined ? { timeLimitMs: time * 1000 } : {}),
    ...(checkTimeout !== undefined ? { checkTimeoutMs: checkTimeout * 1000 } : {}),
    ...(hybrid !== undefined ? { hybrid } : {}),
  };
  if (problems.length > 0) throw new VigilError('USAGE', `${problems.length} bad flag${problems.length === 1 ? '' : 's'}`, { meta: problems });
  const fromFlags: Partial<CampaignSettings> = {};
  if (flags.seed !== undefined) fromFlags.seed = settings.seed;
  if (flags.runs !== undefined) fromFlags.runs = settings.runs;
  if (flags.depth !== undefined) fromFlags.depth = settings.depth;
  if (flags.shrinkLimit !== undefined) fromFlags.shrinkLimit = settings.shrinkLimit;
  if (flags.time !== undefined) fromFlags.timeLimitMs = settings.timeLimitMs;
  if (flags.assertions === false) fromFlags.assertions = false;
  if (flags.checkTimeout !== undefined) fromFlags.checkTimeoutMs = settings.checkTimeoutMs;
  if (flags.hybrid !== undefined) fromFlags.hybrid = settings.hybrid;
  return { settings, fromFlags };
}
