import { configSchema, type VigilConfig } from './VigilConfig.js';

const MAX = 1e9;

/** Every problem of a config at once, each as `dotted.path: what is wrong`. */
export function validateConfig(raw: unknown, origin: string): { config: VigilConfig; problems: string[] } {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config: {}, problems: [`${origin}: the config must be a JSON object`] };
  }
  const visit = (obj: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(obj)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const kind = configSchema[path];
      if (kind === undefined) {
        const known = Object.keys(configSchema).filter((k) => k.startsWith(prefix ? `${prefix}.` : '') && k.split('.').length === path.split('.').length);
        problems.push(`${path}: unknown key (known: ${known.join(', ')})`);
        continue;
      }
      const problem = checkKind(kind, value);
      if (problem) problems.push(`${path}: ${problem}, got ${JSON.stringify(value)}`);
      else if (kind === 'object') visit(value as Record<string, unknown>, path);
    }
  };
  visit(raw as Record<string, unknown>, '');
  return { config: raw as VigilConfig, problems: problems.map((p) => `${origin}: ${p}`) };
}

export function checkKind(kind: (typeof configSchema)[string], value: unknown): string | undefined {
  switch (kind) {
    case 'string':
      return typeof value === 'string' && value !== '' ? undefined : 'must be a non-empty string';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'must be a list of strings';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : 'must be an object';
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX ? undefined : `must be a whole number from 0 to ${MAX}`;
    case 'positive':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX ? undefined : `must be a whole number from 1 to ${MAX}`;
    case 'hybrid':
      return value === 'auto' || value === 'on' || value === 'off' ? undefined : 'must be one of auto, on, off';
  }
}
