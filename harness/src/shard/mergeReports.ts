import { overallStatus } from '../report/overallStatus.js';
import type { Report, SpecResult } from '../report/types.js';
import { checkShardSet, type ShardInput } from './checkShardSet.js';
import { mergeSpecResults } from './mergeSpecResults.js';

export interface MergeOptions {
  /** Where the merged JSON report goes (relative), for the findings' replay commands. */
  reportPath: string;
  command: string;
}

export interface MergedReport {
  report: Report;
  warnings: string[];
}

/**
 * The n shard reports of a run (`--shard i/n`) as one report: the report `vigil run --workers
 * n·m` gives on one machine for the same seed, apart from timing, the command, the shard
 * record and instruction counts (see mergeSpecResults). Inputs are checked first (checkShardSet).
 */
export function mergeReports(inputs: readonly ShardInput[], options: MergeOptions): MergedReport {
  const shards = checkShardSet(inputs);
  const first = shards[0]!.report;
  const warnings: string[] = [];
  const { count, workersPerShard, commit } = shards[0]!.shard;
  const specs: SpecResult[] = first.specs.map((_, i) => {
    const merged = mergeSpecResults(shards.map((s) => s.report.specs[i]!), options.reportPath, shards.map((s) => s.file), count * workersPerShard);
    warnings.push(...merged.warnings);
    return merged.result;
  });
  const interrupted = shards.some((s) => s.report.interrupted === true);
  return {
    warnings,
    report: {
      schemaVersion: first.schemaVersion,
      tool: first.tool,
      status: overallStatus(specs, interrupted),
      // Timing: the last shard to finish, so merging the same files gives the same bytes.
      createdAt: shards.map((s) => s.report.createdAt).sort().at(-1)!,
      durationMs: Math.max(...shards.map((s) => s.report.durationMs)),
      ...(interrupted ? { interrupted: true } : {}),
      settings: { ...first.settings, workers: count * workersPerShard, command: options.command },
      compiler: first.compiler,
      specs,
      shard: {
        count,
        workersPerShard,
        ...(commit !== undefined ? { commit } : {}),
        mergedFrom: shards.map((s) => ({ index: s.shard.index, file: s.file })),
      },
    },
  };
}
