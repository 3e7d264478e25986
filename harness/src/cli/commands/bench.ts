import { join } from 'node:path';
import { runForgeBench, type ForgeBenchResult } from '../../bench/runForgeBench.js';
import { runVigilBench } from '../../bench/runVigilBench.js';
import { checkKind } from '../../config/validateConfig.js';
import { VigilError } from '../../errors/VigilError.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';

interface BenchOptions {
  runs?: string;
  depth?: string;
  forge?: boolean;
}

/**
 * `vigil bench` (`npm run bench`): calls/s of Vigil and of forge on the same handler
 * target, in the same run on the same machine, forge limited to one thread as Vigil is.
 * Prints the ratio and writes reports/bench.json. A measurement, never a test.
 */
export default async function bench(options: BenchOptions): Promise<number> {
  const runs = positive('runs', options.runs, 128);
  const depth = positive('depth', options.depth, 200);
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`Handler benchmark: BenchToken, ${runs} runs × depth ${depth}, seed 1`);
  const vigil = await runVigilBench({ runs, depth });
  out(row('vigil (1 thread)', vigil.calls, vigil.seconds, vigil.callsPerSec));
  let forge: ForgeBenchResult | undefined;
  if (options.forge !== false) {
    forge = await runForgeBench({ runs, depth, threads: 1 });
    out(row(`forge ${forge.forgeVersion} (1 thread)`, forge.calls, forge.seconds, Math.round(forge.callsPerSec)));
    out(`ratio vigil / forge: ${(vigil.callsPerSec / forge.callsPerSec).toFixed(2)}×`);
  }
  const file = join(process.cwd(), 'reports', 'bench.json');
  await writeFileAtomic(file, `${JSON.stringify({ runs, depth, vigil, forge, ratio: forge ? vigil.callsPerSec / forge.callsPerSec : null }, null, 2)}\n`);
  out(`Written: reports/bench.json`);
  return 0;
}

function row(name: string, calls: number, seconds: number, perSec: number): string {
  return `${name.padEnd(28)} ${String(calls).padStart(9)} calls  ${seconds.toFixed(2).padStart(7)} s  ${String(perSec).padStart(7)} calls/s`;
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  const problem = checkKind('positive', n);
  if (problem) throw new VigilError('USAGE', `--${name}: ${problem}, got ${JSON.stringify(value)}`);
  return n;
}
