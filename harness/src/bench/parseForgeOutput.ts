/** One invariant test as forge reports it: `[PASS] invariant_x() (runs: N, calls: M, reverts: R)`. */
export interface ForgeInvariantResult {
  name: string;
  passed: boolean;
  /** The revert reason of a failing invariant, when forge prints one. */
  reason?: string;
  runs: number;
  calls: number;
  reverts: number;
}

/** One `Suite result: ok. 2 passed; 0 failed; 0 skipped; finished in 11.55s (20.42s CPU time)` line. */
export interface ForgeSuiteResult {
  ok: boolean;
  passed: number;
  failed: number;
  skipped: number;
  /** Wall time forge measured for the suite (tests only, no compile). */
  seconds: number;
  cpuSeconds: number;
}

export interface ForgeOutput {
  tests: ForgeInvariantResult[];
  suites: ForgeSuiteResult[];
}

const ANSI = /\u001b\[[0-9;]*m/g;
const STATUS = /^\[(PASS|FAIL)(?:[:.]\s*(?:Reason:\s*)?([^\]]*))?\]/;
const COUNTS = /([A-Za-z_$][\w$]*)\([^)]*\)\s+\(runs: (\d+), calls: (\d+), reverts: (\d+)\)/;
const SUITE =
  /Suite result: (ok|FAILED)\. (\d+) passed; (\d+) failed; (\d+) skipped; finished in (\S+) \((\S+) CPU time\)/;

/**
 * Reads forge's human output (`forge test -vv`): invariant counts and suite timings.
 * The `Failing tests:` recap at the end repeats failures, so parsing stops there.
 */
export function parseForgeOutput(text: string): ForgeOutput {
  const body = text.replace(ANSI, '').split(/^Failing tests:/m)[0] ?? '';
  const tests: ForgeInvariantResult[] = [];
  const suites: ForgeSuiteResult[] = [];
  let status: { passed: boolean; reason?: string } | undefined;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const s = STATUS.exec(line);
    if (s) status = { passed: s[1] === 'PASS', ...(s[2] ? { reason: s[2].trim() } : {}) };
    const c = COUNTS.exec(line);
    if (c && status) {
      tests.push({ name: c[1]!, ...status, runs: Number(c[2]), calls: Number(c[3]), reverts: Number(c[4]) });
      status = undefined;
      continue;
    }
    const r = SUITE.exec(line);
    if (r) {
      suites.push({
        ok: r[1] === 'ok',
        passed: Number(r[2]),
        failed: Number(r[3]),
        skipped: Number(r[4]),
        seconds: parseForgeDuration(r[5]!),
        cpuSeconds: parseForgeDuration(r[6]!),
      });
    }
  }
  return { tests, suites };
}

const UNITS: Record<string, number> = { ns: 1e-9, 'µs': 1e-6, 'μs': 1e-6, us: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Parses a Rust `Duration` as forge prints it (`11.55s`, `496.21ms`, `19.28µs`) into seconds. */
export function parseForgeDuration(text: string): number {
  const m = /^([\d.]+)(ns|µs|μs|us|ms|s|m|h)$/.exec(text.trim());
  if (!m) throw new Error(`unrecognised forge duration: ${JSON.stringify(text)}`);
  return Number(m[1]) * UNITS[m[2]!]!;
}
