import type { Finding, Report, SpecResult } from '../types.js';
import type { Reporter, RunStartInfo } from './Reporter.js';

/**
 * Several reporters behind one set of hooks. At the end every reporter gets its turn even when
 * one fails, so a broken renderer cannot cost the JSON report of a long run; the first failure
 * is rethrown after the others are done.
 */
export class ReporterGroup {
  constructor(private readonly reporters: readonly Reporter[]) {}

  onRunStart(info: RunStartInfo): void {
    for (const r of this.reporters) r.onRunStart?.(info);
  }

  onSpecDone(spec: SpecResult): void {
    for (const r of this.reporters) r.onSpecDone?.(spec);
    for (const f of spec.findings) this.onFinding(f);
  }

  private onFinding(finding: Finding): void {
    for (const r of this.reporters) r.onFinding?.(finding);
  }

  /** Returns every file written, in reporter order. */
  async onRunEnd(report: Report): Promise<string[]> {
    const written: string[] = [];
    let failure: { error: unknown } | undefined;
    for (const r of this.reporters) {
      try {
        written.push(...(await r.onRunEnd(report)));
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
    return written;
  }
}
