import path from 'node:path';
import type { Finding } from '../report/types.js';

export interface ExportNames {
  /** `TokenBuggy_invariant_supplyIsSumOfBalances` */
  base: string;
  contractName: string;
  testName: string;
  fileName: string;
}

/**
 * Solidity names for a finding's test. An assertion's name is its file:line, shortened to
 * `LockBuggy_sol_45`. `specName` may differ from the finding's spec (a twin exported for comparison).
 */
export function exportNames(specName: string, finding: Pick<Finding, 'kind' | 'name'>): ExportNames {
  const short = finding.kind === 'assertion' ? path.basename(finding.name) : finding.name;
  const check = `${finding.kind}_${identifier(short)}`;
  const base = `${identifier(specName)}_${check}`;
  return { base, contractName: `VigilRepro_${base}`, testName: `test_vigil_${check}`, fileName: `${base}.t.sol` };
}

function identifier(text: string): string {
  const id = text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(id) ? `_${id}` : id || 'check';
}
