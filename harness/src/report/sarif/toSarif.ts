import { pathToFileURL } from 'node:url';
import type { Report } from '../types.js';
import { findingResult } from './findingResult.js';
import { isUnproved, proofResult } from './proofResult.js';
import type { SarifLog, SarifResult } from './SarifLog.js';
import { sarifInvocation } from './sarifInvocation.js';
import { SRCROOT } from './sarifLocation.js';
import { sarifRuleId } from './sarifRuleId.js';
import { sarifRules } from './sarifRules.js';

export interface SarifOptions {
  /** The folder the report's relative paths start from (where Vigil ran). */
  root: string;
}

/**
 * The report as one SARIF 2.1.0 run for code scanning: a result per finding and per proof
 * verdict other than proved (to the depth asked). A counterexample verdict that points at a finding of the same report
 * is that finding's result (marked with the verdict), so one bug is one alert.
 */
export function toSarif(report: Report, options: SarifOptions): SarifLog {
  const { rules, index } = sarifRules(report);
  const results: SarifResult[] = [];
  for (const spec of report.specs) {
    const proofs = spec.proofs ?? [];
    const findingIds = new Set(spec.findings.map((f) => f.id));
    for (const f of spec.findings) {
      const id = sarifRuleId(spec.name, f.kind, f.name);
      const proof = proofs.find((p) => p.findingId === f.id);
      results.push(findingResult(f, spec, id, index.get(id)!, proof));
    }
    for (const p of proofs) {
      if (!isUnproved(p, report.settings.depth) || (p.findingId !== undefined && findingIds.has(p.findingId))) continue;
      const id = sarifRuleId(spec.name, p.kind, p.name);
      results.push(proofResult(p, spec, id, index.get(id)!));
    }
  }
  const s = report.settings;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'vigil', fullName: 'Vigil smart-contract fuzzer and prover', version: report.tool.version, semanticVersion: report.tool.version, rules } },
      invocations: [sarifInvocation(report)],
      originalUriBaseIds: {
        [SRCROOT]: { uri: folderUri(options.root), description: { text: 'The folder Vigil ran in; report paths are relative to it.' } },
      },
      columnKind: 'utf16CodeUnits',
      results,
      properties: { status: report.status, seed: s.seed, runs: s.runs, depth: s.depth, shrinkLimit: s.shrinkLimit, workers: s.workers },
    }],
  };
}

/** SARIF requires a base URI to end with a slash. */
function folderUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}
