import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Recommendation } from '../../recommend/types.js';
import { toRecommendationSummary } from '../../recommend/toRecommendationSummary.js';
import { validateRecommendation } from '../../recommend/validateRecommendation.js';
import type { Finding, RecommendationSummary, Report, SpecResult } from '../../report/types.js';
import { defaultExportPath } from '../exportFinding.js';
import { exportNames } from '../exportNames.js';
import { suiteFile, suiteOf } from '../exportSuiteFinding.js';
import { resolveCheckFunction } from '../resolveCheckFunction.js';
import { exportVerifiedTest, type VerifiedExport } from '../exportVerifiedTest.js';
import { bountySeverity, type BountySeverity } from './bountySeverity.js';
import { divergingStep } from './divergingStep.js';
import { formatBounty } from './formatBounty.js';
import { pauseLeverSection } from './pauseLeverSection.js';
import { reproSteps } from './reproSteps.js';
import { suggestFix, type CheckSource } from './suggestFix.js';
import { attackerGains, valueFlows } from './valueFlows.js';

export interface BountyRequest {
  report: Report;
  /** As the user wrote it. */
  reportPath: string;
  spec: SpecResult;
  finding: Finding;
  root: string;
  verify: boolean;
  cacheDir: string;
  /** The finding's `vigil recommend` output (default reports/recommendations/<id>.recommendation.json). */
  recommendationFile?: string;
}

export interface Bounty {
  markdown: string;
  poc: VerifiedExport;
  severity: BountySeverity;
}

/** A bug-bounty write-up of one finding, with the Foundry test `vigil export --foundry` writes as its proof of concept. */
export async function exportBounty(req: BountyRequest): Promise<Bounty> {
  const { finding, spec, root } = req;
  const outFile = defaultExportPath(spec, finding, root);
  const poc = await exportVerifiedTest({ report: req.report, reportPath: req.reportPath, spec, finding, root, outFile }, { verify: req.verify, cacheDir: req.cacheDir });
  const attackers = new Set(finding.shrunk.calls.map((c) => c.sender.toLowerCase()));
  const flows = valueFlows(finding.shrunk.calls);
  const gains = attackerGains(flows, attackers);
  const diverging = divergingStep(finding);
  const protocol = new Set(finding.shrunk.calls.map((c) => c.address.toLowerCase()));
  const paidOut = flows.filter((f) => f.step === diverging.step && attackers.has(f.to) && protocol.has(f.from));
  const severity = bountySeverity(finding, gains, paidOut);
  const suite = suiteOf(spec);
  const start = suite
    ? `the suite's \`setUp()\` (\`${path.relative(root, suiteFile(suite, root))}\`, contract \`${suite.contract}\`), which the proof of concept inherits`
    : `the state \`${spec.file}\`'s set-up leaves (its contracts deployed and set up as the spec says; the proof of concept's \`setUp()\` rebuilds it with \`vm.etch\` / \`vm.store\` / \`vm.deal\`)`;
  // The report carries the recommendation once `vigil recommend` has run; its own file serves a report it did not update.
  const recFile = path.resolve(root, req.recommendationFile ?? path.join('reports', 'recommendations', `${finding.id.replace(/[^\w.-]+/g, '_')}.recommendation.json`));
  const pocPath = path.relative(root, outFile);
  const forgeRoot = path.relative(root, forgeRootOf(outFile)) || '.';
  const { contractName, testName } = exportNames(spec.name, finding);
  const markdown = formatBounty({
    report: req.report,
    reportPath: req.reportPath,
    spec,
    finding,
    severity,
    gains,
    diverging,
    steps: reproSteps(finding, start, diverging.step),
    fix: suggestFix(finding, diverging, checkSource(root, spec, finding), contractsOf(spec)),
    pauseLevers: pauseLeverSection(finding.id, req.reportPath, finding.recommendation ?? readRecommendation(recFile, root)),
    poc,
    pocPath,
    forgeCommand: [
      `npx vigil export --foundry ${req.reportPath} --finding '${finding.id}'`,
      `forge test${forgeRoot === '.' ? '' : ` --root ${forgeRoot}`} --match-contract ${contractName} --match-test ${testName} -vvvv`,
    ].join('\n'),
  });
  return { markdown, poc, severity };
}

/** The contracts every trace of the spec calls, by lower-case address: the protocol as far as the report shows it. */
function contractsOf(spec: SpecResult): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of spec.findings) for (const c of [...f.original.calls, ...f.shrunk.calls]) out.set(c.address.toLowerCase(), c.contractName);
  return out;
}

/** The project forge runs the test in: the nearest foundry.toml, or the test's folder, which the export gives one. */
function forgeRootOf(outFile: string): string {
  for (let d = path.dirname(outFile); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'foundry.toml'))) return d;
    if (path.dirname(d) === d) break;
  }
  return path.dirname(outFile);
}

/**
 * The check as the spec's source states it (followed into a library such as `invariants/`,
 * as the Foundry export does), with its file:line; none for assertions and Solidity suites.
 */
function checkSource(root: string, spec: SpecResult, finding: Finding): CheckSource | undefined {
  if (finding.kind === 'assertion' || suiteOf(spec) !== undefined) return undefined;
  const lookup = resolveCheckFunction(path.resolve(root, spec.file), finding.kind, finding.name);
  if (!lookup.ok) return undefined;
  const fn = lookup.check.fn;
  const lines = fn.getText().split('\n');
  const text = lines.length > 20 ? [...lines.slice(0, 20), '  // …'].join('\n') : lines.join('\n');
  return { text, where: `${path.relative(root, fn.getSourceFile().getFilePath())}:${fn.getStartLineNumber()}` };
}

/** The finding's recommendation file, when `vigil recommend` has written one that fits its schema. */
function readRecommendation(file: string, root: string): RecommendationSummary | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (validateRecommendation(data).length > 0) return undefined;
    const batch = file.replace(/\.recommendation\.json$/, '.safe-batch.json');
    const rel = (p: string) => path.relative(root, p);
    return toRecommendationSummary(data as Recommendation, { recommendation: rel(file), ...(existsSync(batch) ? { safeBatch: rel(batch) } : {}) });
  } catch {
    return undefined;
  }
}
