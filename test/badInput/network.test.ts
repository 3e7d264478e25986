import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/helpers/runVigil.js';

/**
 * No telemetry, and RPC traffic only to the URL given: every way Vigil's code can reach the
 * network is listed here with the one place it goes. A new one fails this test until it is
 * reviewed and documented (README: "Spec and config files are code").
 */
const NETWORK = [
  /\bfetch\(/,
  /from 'node:(https?|http2|net|tls|dgram|child_process)'/,
  /require\('node:(https?|http2|net|tls|dgram|child_process)'\)/,
  /from '(undici|ws)'/,
  /new WebSocket\(/,
  // viem's transports
  /\b(http|webSocket)\(\s*[\w.]+\s*,/,
];

/** Each file allowed to touch the network or start programs, and where that goes. */
const ALLOWED: Record<string, string> = {
  'harness/src/monitor/JsonRpc.ts': 'the --rpc URL (monitor)',
  'harness/src/monitor/SyncRpc.ts': 'the --rpc URL (monitor, synchronous state reads)',
  'harness/src/monitor/createGuardian.ts': 'the --rpc URL (monitor, pause transactions)',
  'harness/src/compile/installSolc.ts': 'npm, for a solc release a pragma needs that is not bundled',
  'harness/src/compile/solcReleases.ts': 'npm, the list of solc releases (same case)',
  'harness/src/export/runForgeTests.ts': 'runs the local forge binary on exported tests',
  'harness/src/shard/readCommit.ts': 'runs the local git for the commit id',
  'harness/src/bench/runForgeBench.ts': 'vigil bench: the local forge',
  'harness/src/bench/maze/runForgeMaze.ts': 'vigil bench: the local forge',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : sources(path);
    return /\.(ts|mjs|js)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('network access', () => {
  it('happens only in the reviewed files, each with its one destination', () => {
    const reaching = sources(join(repoRoot, 'harness'))
      .filter((file) => {
        const text = readFileSync(file, 'utf8').split('\n').filter((l) => !/^\s*(\/\/|\*)/.test(l)).join('\n');
        return NETWORK.some((re) => re.test(text));
      })
      .map((file) => relative(repoRoot, file))
      .sort();
    expect(reaching.filter((f) => !(f in ALLOWED))).toEqual([]);
    // The list stays honest: every allowed file still does what it is allowed for.
    expect(Object.keys(ALLOWED).filter((f) => !reaching.includes(f))).toEqual([]);
  });

  it('the monitor\'s requests all go to the URL it was given', () => {
    // JsonRpc and SyncRpc fetch only the endpoint built from their constructor's URL; the guardian's
    // viem transport is given that same URL and no other (no public fallback RPC).
    const json = readFileSync(join(repoRoot, 'harness/src/monitor/JsonRpc.ts'), 'utf8');
    expect(json.match(/fetch\(([^,]+),/g)).toEqual(['fetch(this.endpoint.url,']);
    const sync = readFileSync(join(repoRoot, 'harness/src/monitor/SyncRpc.ts'), 'utf8');
    expect(sync.match(/fetch\(([^,]+),/g)).toEqual(['fetch(url,']);
    const guardian = readFileSync(join(repoRoot, 'harness/src/monitor/createGuardian.ts'), 'utf8');
    expect(guardian.match(/http\(([^,]+),/g)).toEqual(['http(endpoint.url,']);
    expect(guardian).not.toMatch(/fallback\(|mainnet|infura|alchemy/i);
  });
});
