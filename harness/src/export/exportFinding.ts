import path from 'node:path';
import type { Finding, Report, SpecResult } from '../report/types.js';
import type { ExportedTest } from './ExportedTest.js';
import { exportNames } from './exportNames.js';
import { exportSpecFinding } from './exportSpecFinding.js';
import { exportSuiteFinding, suiteFile, suiteOf } from './exportSuiteFinding.js';

export interface ExportRequest {
  report: Report;
  /** As the user wrote it, for the header and the replay command. */
  reportPath: string;
  spec: SpecResult;
  finding: Finding;
  root: string;
  /** Absolute path the test will be written to. */
  outFile: string;
  /**
   * Open this spec instead of the finding's: the same sequence against another contract
   * (a correct twin). TypeScript specs only.
   */
  specFile?: string;
}

/** A Foundry test for one finding: from its TypeScript spec, or from the report for a Solidity-native suite. */
export async function exportFinding(req: ExportRequest): Promise<ExportedTest> {
  const suite = suiteOf(req.spec);
  if (suite) return exportSuiteFinding({ ...req, suite });
  return exportSpecFinding({ ...req, specFile: req.specFile ?? req.spec.file });
}

/**
 * Where a test goes unless --out says otherwise: reports/foundry/ for a TypeScript spec
 * (a self-contained project), beside the suite for a Solidity-native one (forge compiles
 * only the project's own folders, and the test imports the suite).
 */
export function defaultExportPath(spec: SpecResult, finding: Finding, root: string): string {
  const { fileName } = exportNames(spec.name, finding);
  const suite = suiteOf(spec);
  return suite ? path.join(path.dirname(suiteFile(suite, root)), fileName) : path.resolve(root, 'reports', 'foundry', fileName);
}
