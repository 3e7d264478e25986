/** What `vigil.config.json` may hold; every key is optional and CLI flags override it. */
export interface VigilConfig {
  /** Spec files or folders (default: specs/). */
  specs?: string[];
  /** Where reports go (default: reports/). */
  out?: string;
  fuzz?: {
    seed?: number;
    runs?: number;
    depth?: number;
    /** Seconds for the whole run of each spec, shrinking included. */
    time?: number;
    shrinkLimit?: number;
    maxTimeDelay?: number;
    maxBlockDelay?: number;
    assertions?: boolean;
    /** Seconds one evaluation of a check may take before it is stopped (default 10). */
    checkTimeout?: number;
    /** Hand branches the fuzzer keeps missing to Z3: 'auto' (default, when the search stalls), 'on', 'off'. */
    hybrid?: 'auto' | 'on' | 'off';
  };
}

/** One config schema: key → expected kind. Validation, flags and docs read it. */
export const configSchema: Record<string, 'string[]' | 'string' | 'count' | 'positive' | 'boolean' | 'object' | 'hybrid'> = {
  specs: 'string[]',
  out: 'string',
  fuzz: 'object',
  'fuzz.seed': 'count',
  'fuzz.runs': 'positive',
  'fuzz.depth': 'positive',
  'fuzz.time': 'positive',
  'fuzz.shrinkLimit': 'count',
  'fuzz.maxTimeDelay': 'count',
  'fuzz.maxBlockDelay': 'count',
  'fuzz.assertions': 'boolean',
  'fuzz.checkTimeout': 'positive',
  'fuzz.hybrid': 'hybrid',
};
