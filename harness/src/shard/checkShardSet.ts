import { VigilError } from '../errors/VigilError.js';
import type { Report, ShardRecord } from '../report/types.js';

export interface ShardInput {
  /** As given on the command line, for messages. */
  file: string;
  report: Report;
}

export type ShardReport = ShardInput & { shard: ShardRecord & { index: number } };

/**
 * The reports, in shard order, once they are shown to be the n shards of one run: every one a
 * shard report, the same count, workers, seed, settings, specs, tool, compiler and commit,
 * each index once and none missing. Any other set is refused, naming the files.
 */
export function checkShardSet(inputs: readonly ShardInput[]): ShardReport[] {
  const shards: ShardReport[] = inputs.map((input) => {
    const s = input.report.shard;
    if (s?.index === undefined) {
      throw new VigilError('SHARD_MISMATCH', `${input.file} is not a shard report: ${s ? 'it is already a merged report' : 'it was written without --shard'}`, {
        hint: 'Merge the reports written by `vigil run --shard i/n` (or `vigil ci --shard i/n`), one per shard.',
      });
    }
    return { ...input, shard: { ...s, index: s.index } };
  });
  const first = shards[0]!;
  for (const s of shards.slice(1)) {
    for (const [what, value] of Object.entries(identity(s))) {
      const expected = identity(first)[what];
      if (value !== expected) {
        throw new VigilError('SHARD_MISMATCH', `${s.file} and ${first.file} are not shards of one run: different ${what}`, {
          meta: [`${first.file}: ${expected}`, `${s.file}: ${value}`],
          hint: 'Merge shards of one run: same commit, seed, budget, specs and shard count (run every shard with the same flags).',
        });
      }
    }
  }
  const count = first.shard.count;
  const byIndex = new Map<number, ShardReport>();
  for (const s of shards) {
    const other = byIndex.get(s.shard.index);
    if (other !== undefined) {
      throw new VigilError('SHARD_INCOMPLETE', `shard ${s.shard.index}/${count} is given twice: ${other.file} and ${s.file}`, {
        hint: 'Pass each shard\'s report once.',
      });
    }
    byIndex.set(s.shard.index, s);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new VigilError('SHARD_INCOMPLETE', `shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: ${shards.length} of ${count} given`, {
      meta: shards.map((s) => `${s.file}: shard ${s.shard.index}/${count}`),
      hint: 'Pass the report of every shard (a shard that failed must be re-run with the same flags).',
    });
  }
  return [...byIndex.values()].sort((a, b) => a.shard.index - b.shard.index);
}

/** What must agree between shards of one run, as printable values. */
function identity(s: ShardReport): Record<string, string> {
  const { settings, compiler, tool, specs } = s.report;
  const { shard } = s;
  return {
    'shard count': String(shard.count),
    'workers per shard': String(shard.workersPerShard),
    commit: shard.commit ?? 'unknown',
    seed: settings.seed,
    'runs, depth, time and shrink limit': `${settings.runs}, ${settings.depth}, ${settings.timeLimitMs ?? 'none'}, ${settings.shrinkLimit}`,
    'Vigil version': tool.version,
    compiler: `${compiler.version} ${compiler.evmVersion} ${compiler.hardfork}`,
    specs: specs.map((x) => `${x.name} (${x.file}${x.settings ? ` seed ${x.settings.seed}, runs ${x.settings.runs}, depth ${x.settings.depth}` : ''})`).join(', '),
  };
}
