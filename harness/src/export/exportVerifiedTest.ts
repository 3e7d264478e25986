import type { ExportedTest } from './ExportedTest.js';
import { exportFinding, type ExportRequest } from './exportFinding.js';
import { suiteOf } from './exportSuiteFinding.js';
import { judgeVerification, runExportInVigil } from './verifyExport.js';

export interface VerifiedExport {
  test: ExportedTest;
  /** What the check in Vigil's EVM showed (absent when not run). */
  note?: string;
  /** Whether the test ran in Vigil's EVM before it was handed out. */
  verified: boolean;
}

/**
 * The Foundry test of a finding exactly as `vigil export --foundry` writes it: exported, then
 * (a TypeScript spec's test stands alone, so it can) run in Vigil's EVM first, so a translated
 * check that overflows, or a replay that diverges, is caught before anyone runs forge. The
 * bounty write-up embeds this same test as its proof of concept.
 */
export async function exportVerifiedTest(req: ExportRequest, options: { verify: boolean; cacheDir: string }): Promise<VerifiedExport> {
  const test = await exportFinding(req);
  if (!options.verify || suiteOf(req.spec) !== undefined) return { test, verified: false };
  const judged = judgeVerification(test, await runExportInVigil(test, options.cacheDir));
  if (judged.warning) test.warnings.push(judged.warning);
  if (judged.status === 'partial' && test.status === 'complete' && test.replayOnlySource !== undefined) {
    // A test that fails for another reason than Vigil's would mislead: keep the check, commented out.
    test.source = test.replayOnlySource;
    delete test.expectedFailure;
  }
  test.status = judged.status;
  return { test, verified: true, ...(judged.note !== undefined ? { note: judged.note } : {}) };
}
