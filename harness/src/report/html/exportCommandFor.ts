import type { Finding } from '../types.js';

/**
 * `vigil export --foundry` for a finding, aimed at the same report file as its replay command
 * (the only place the report records where it was written).
 */
export function exportCommandFor(finding: Finding): string {
  const match = /^(.*\bvigil) replay (\S+) /.exec(finding.replayCommand);
  const prefix = match?.[1] ?? 'npx vigil';
  const report = match?.[2] ?? 'reports/vigil-report.json';
  return `${prefix} export --foundry ${report} --finding ${shellQuote(finding.id)}`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
