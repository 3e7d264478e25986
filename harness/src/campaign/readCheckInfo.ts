import { relative } from 'node:path';
import type { SourceLocation } from '../report/types.js';

export interface CheckInfo {
  location: SourceLocation;
  provable: boolean;
}

/**
 * Where each check of a spec is declared and whether it is in the provable subset,
 * read from the source with ts-morph (loaded only here). The run never depends on it:
 * if the analysis fails, checks simply have no location.
 */
export async function readCheckInfo(file: string): Promise<Map<string, CheckInfo>> {
  const info = new Map<string, CheckInfo>();
  try {
    const { analyzeSpecFile } = await import('../spec/analyze/index.js');
    for (const c of analyzeSpecFile(file).checks) {
      info.set(`${c.kind}:${c.name}`, {
        location: { file: relative(process.cwd(), c.file), line: c.line, column: c.column },
        provable: c.provable,
      });
    }
  } catch {
    // Locations are a convenience; a spec the analyser cannot read still runs.
  }
  return info;
}
