import type { CampaignProgress } from '../campaign/CampaignResult.js';

/**
 * Live progress: one rewritten line on a terminal, a plain line every few seconds in CI
 * (where carriage returns make logs unreadable).
 */
export class ProgressLine {
  private lastPlain = 0;
  private shown = false;

  constructor(private readonly stream: NodeJS.WriteStream, private readonly plainEveryMs = 5000) {}

  update(spec: string, p: CampaignProgress): void {
    const left = p.timeLeftMs === undefined ? `run ${p.run}/${p.runs}` : `${Math.ceil(p.timeLeftMs / 1000)}s left`;
    const text = `[${spec}] ${p.phase} · ${left} · ${p.calls} calls · ${p.callsPerSec} calls/s · coverage ${p.coverage} · findings ${p.findings}`;
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${text}`);
      this.shown = true;
    } else if (p.elapsedMs - this.lastPlain >= this.plainEveryMs) {
      this.lastPlain = p.elapsedMs;
      this.stream.write(`${text}\n`);
    }
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
    this.lastPlain = 0;
  }
}
