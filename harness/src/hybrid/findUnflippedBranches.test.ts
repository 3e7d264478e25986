import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../campaign/CampaignSettings.js';
import { encodeCall } from '../campaign/encodeCall.js';
import { executeCall } from '../campaign/executeCall.js';
import { openSession } from '../campaign/openSession.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import { findUnflippedBranches } from './findUnflippedBranches.js';

const root = dirname(dirname(dirname(import.meta.dirname)));
let cacheDir: string;
beforeAll(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'vigil-hybrid-'));
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const M64 = (1n << 64n) - 1n;
/** The x with x * k == c (mod 2^64), k odd: Hidden's guards have exactly one solution. */
function solve(k: bigint, c: bigint): bigint {
  let inv = 1n;
  for (let i = 0; i < 6; i++) inv = (inv * (2n - k * inv)) & M64;
  return (c * inv) & M64;
}
const ARM = solve(0x9e3779b97f4a7c15n, 0x0123456789abcdefn);

async function run(session: SpecSession, fn: string, x: bigint): Promise<number[]> {
  const coverage = session.chain.coverage!;
  coverage.freshEdges.length = 0;
  const target = session.targets.find((t) => t.fn.name === fn)!;
  await executeCall(session, encodeCall({ target, args: [x], sender: session.senders[0]!, value: 0n, timeDelta: 0n, blockDelta: 0n }));
  return [...coverage.freshEdges];
}

describe('findUnflippedBranches', () => {
  it('lists the JUMPIs that went one way, with CoverageMap\'s own edge ids, until the other side runs', async () => {
    const session = await openSession(join(import.meta.dirname, 'fixtures', 'Hidden.spec.ts'), { root, cacheDir, settings: { ...defaultSettings } });
    const address = session.deployment.contracts[0]!.address;
    const fresh = new Set(await run(session, 'arm', 1n));
    const before = await findUnflippedBranches(session.chain, session.chain.coverage!, [address]);
    // The selector dispatch and the guard: each ran one way, and the side that ran is an edge the map reported.
    expect(before.length).toBeGreaterThan(0);
    for (const b of before) {
      expect(fresh.has(b.covered.edge)).toBe(true);
      expect(fresh.has(b.missing.edge)).toBe(false);
      expect(b.address).toBe(address);
    }
    const armed = await run(session, 'arm', ARM);
    expect(await session.chain.getStorageAt(address, 0n)).toBe(1n);
    const after = await findUnflippedBranches(session.chain, session.chain.coverage!, [address]);
    // The guard's other side is among the new edges, and that branch is no longer listed.
    const flipped = before.filter((b) => armed.includes(b.missing.edge));
    expect(flipped).toHaveLength(1);
    expect(after.some((b) => b.pc === flipped[0]!.pc)).toBe(false);
    expect(after.length).toBe(before.length - 1);
  });
});
