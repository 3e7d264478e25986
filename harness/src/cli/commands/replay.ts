import { resolve } from 'node:path';
import picocolors from 'picocolors';
import { VigilError } from '../../errors/VigilError.js';
import { defaultSettings } from '../../campaign/CampaignSettings.js';
import { fromCallRecord } from '../../campaign/fromCallRecord.js';
import { reopenSession } from '../../campaign/reopenSession.js';
import { runSequence } from '../../campaign/runSequence.js';
import { toCallRecord } from '../../campaign/toCallRecord.js';
import type { FuzzCall } from '../../fuzz/FuzzCall.js';
import { readReport } from '../../report/readReport.js';
import type { Finding, SpecResult } from '../../report/types.js';
import { EXIT } from '../exitCodes.js';
import { formatTraceStep } from '../formatTraceStep.js';

/**
 * `vigil replay`: re-runs each counterexample of a report on a fresh chain and prints
 * a decoded trace. A counterexample that no longer fails is said loudly, never passed over.
 */
export default async function replay(reportPath: string, options: { finding?: string }): Promise<number> {
  const c = picocolors.createColors(process.stdout.isTTY === true);
  const report = await readReport(resolve(reportPath));
  const chosen: { specFile: string; spec: SpecResult; finding: Finding }[] = report.specs.flatMap((s) => s.findings.map((finding) => ({ specFile: s.file, spec: s, finding })));
  const selected = options.finding === undefined ? chosen : chosen.filter((x) => x.finding.id === options.finding);
  if (selected.length === 0) {
    throw new VigilError(options.finding === undefined ? 'FINDING_NOT_FOUND' : 'FINDING_NOT_FOUND',
      options.finding === undefined ? `${reportPath} has no findings to replay` : `no finding "${options.finding}" in ${reportPath}`,
      { meta: chosen.map((x) => `finding: ${x.finding.id}`) });
  }
  let reproduced = 0;
  for (const { specFile, spec, finding } of selected) {
    const session = await reopenSession(spec, { ...defaultSettings, assertions: finding.kind === 'assertion' || defaultSettings.assertions });
    const calls = finding.shrunk.calls.map((r) => fromCallRecord(session, r));
    const problem = calls.find((x): x is { problem: string } => 'problem' in x);
    process.stdout.write(`${c.bold(`Replaying ${finding.id}`)} (${finding.shrunk.calls.length} calls, spec ${specFile})\n`);
    if (problem) {
      process.stdout.write(c.yellow(c.bold(`[CANNOT REPLAY] ${problem.problem}\n`)));
      process.stdout.write(`Hint: the contracts changed since ${reportPath} was written; run \`vigil run\` again for counterexamples of this code.\n\n`);
      continue;
    }
    let before = await session.checks.invariantValues();
    const outcome = await runSequence(session, calls as FuzzCall[], {
      target: finding.id,
      onStep: async (executed, i) => {
        const after = await session.checks.invariantValues();
        process.stdout.write(formatTraceStep(i, toCallRecord((calls as FuzzCall[])[i]!, executed), before, after, c));
        before = after;
      },
    });
    if (outcome.violation) {
      reproduced++;
      process.stdout.write(`${c.red(c.bold(`[FAIL: ${outcome.violation.message}]`))} reproduced after call ${outcome.index + 1}\n\n`);
    } else {
      process.stdout.write(c.yellow(c.bold(`[NO LONGER FAILS] ${finding.id}: the counterexample ran to the end without breaking it (fixed, or the code changed)\n`)));
      process.stdout.write(`Hint: if the code was fixed, keep the counterexample as a regression test (\`vigil export --foundry\`); else run \`vigil run\` again for a fresh report.\n\n`);
    }
  }
  return reproduced > 0 ? EXIT.violation : EXIT.ok;
}
