import { VigilError } from '../../errors/VigilError.js';
import { reporterNames, type ReporterName } from './reporterRegistry.js';

/**
 * `--reporter console,json` (or the flag repeated) as registry names, in the order given and
 * without repeats; every unknown name is reported at once. No flag gives `defaults`.
 */
export function parseReporterNames(value: unknown, defaults: readonly ReporterName[]): ReporterName[] {
  if (value === undefined) return [...defaults];
  const values = Array.isArray(value) ? value : [value];
  const names = values.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter((s) => s !== '');
  const valid = reporterNames.join(', ');
  if (names.length === 0 || values.some((v) => typeof v !== 'string')) {
    throw new VigilError('USAGE', '--reporter: expected a comma-separated list of reporters', { hint: `Pick from: ${valid}.` });
  }
  const unknown = names.filter((n) => !(reporterNames as string[]).includes(n));
  if (unknown.length > 0) {
    throw new VigilError('USAGE', `--reporter: unknown reporter${unknown.length === 1 ? '' : 's'} ${unknown.map((n) => JSON.stringify(n)).join(', ')}`, {
      hint: `Pick from: ${valid} (several at once: --reporter console,json,sarif).`,
    });
  }
  return [...new Set(names as ReporterName[])];
}
