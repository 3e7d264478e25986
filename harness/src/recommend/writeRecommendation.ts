import { join } from 'node:path';
import { writeFileAtomic } from '../report/writeFileAtomic.js';
import { formatRecommendationMarkdown } from './formatRecommendationMarkdown.js';
import { toFortaFinding } from './toFortaFinding.js';
import { toSafeBatch } from './toSafeBatch.js';
import type { Recommendation } from './types.js';

export interface WriteOptions {
  chainId: number;
  /** Milliseconds since the epoch: the batch files' `createdAt` and the alert's timestamp (timing fields). */
  now: number;
  safe?: string;
}

export interface WrittenFiles {
  recommendation: string;
  markdown: string;
  forta: string;
  /** Absent when there is no cover (nothing to sign). */
  batch?: string;
  undo?: string;
}

/** `<dir>/<finding>.recommendation.json` and its Markdown, Safe batch files (levers, undo) and Forta alert. */
export async function writeRecommendation(rec: Recommendation, dir: string, options: WriteOptions): Promise<WrittenFiles> {
  const base = join(dir, rec.finding.id.replace(/[^\w.-]+/g, '_'));
  const byId = new Map(rec.levers.map((l) => [l.id, l]));
  const files: WrittenFiles = {
    recommendation: `${base}.recommendation.json`,
    markdown: `${base}.recommendation.md`,
    forta: `${base}.forta.json`,
  };
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  await writeFileAtomic(files.recommendation, json(rec));
  await writeFileAtomic(files.markdown, formatRecommendationMarkdown(rec));
  await writeFileAtomic(files.forta, json(toFortaFinding(rec, { chainId: options.chainId, timestamp: new Date(options.now).toISOString() })));
  if (rec.chosen !== null) {
    const pulled = rec.chosen.levers.map((id) => byId.get(id)!);
    const signers = [...new Set(pulled.map((l) => l.authority.signer ?? ''))];
    files.batch = `${base}.safe-batch.json`;
    await writeFileAtomic(files.batch, json(toSafeBatch(pulled.map((l) => l.call), {
      name: `Vigil: contain ${rec.finding.id}`,
      description: `${rec.severity.level}: ${rec.finding.message}. Pulls ${rec.chosen.levers.join(', ')} (signer ${signers.join(', ')}); replay-validated by vigil recommend.`,
      chainId: String(options.chainId), createdAt: options.now,
      ...(options.safe ? { safe: options.safe } : {}), ...(signers.length === 1 && signers[0] ? { owner: signers[0] } : {}),
    })));
    if (rec.undoPlan.length > 0) {
      const undoSigners = [...new Set(rec.undoPlan.map((u) => u.signer ?? ''))];
      files.undo = `${base}.safe-undo.json`;
      await writeFileAtomic(files.undo, json(toSafeBatch(rec.undoPlan.map((u) => u.call), {
        name: `Vigil: release ${rec.finding.id}`,
        description: `Undoes ${rec.undoPlan.map((u) => u.lever).join(', ')} once the bug is fixed (signer ${undoSigners.join(', ')}).`,
        chainId: String(options.chainId), createdAt: options.now,
        ...(options.safe ? { safe: options.safe } : {}), ...(undoSigners.length === 1 && undoSigners[0] ? { owner: undoSigners[0] } : {}),
      })));
    }
  }
  return files;
}
