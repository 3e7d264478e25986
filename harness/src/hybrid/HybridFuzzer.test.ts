import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type CampaignSettings } from '../campaign/CampaignSettings.js';
import type { CampaignResult } from '../campaign/CampaignResult.js';
import { openSession } from '../campaign/openSession.js';
import { runCampaign } from '../campaign/runCampaign.js';
import { runSequence } from '../campaign/runSequence.js';
import { toCallRecord } from '../campaign/toCallRecord.js';

const root = dirname(dirname(dirname(import.meta.dirname)));
let cacheDir: string;
beforeAll(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'vigil-hybrid-'));
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const open = (name: string, settings: Partial<CampaignSettings>) =>
  openSession(join(import.meta.dirname, 'fixtures', `${name}.spec.ts`), { root, cacheDir, settings: { ...defaultSettings, ...settings } });

const HIDDEN_BUG = /^Hidden:assertion:.*Hidden\.sol:\d+$/;
const small = { runs: 60, depth: 20, seed: 3 };

/** What must not differ between two campaigns with the same seed (timing left out). */
function fingerprint(r: CampaignResult) {
  return {
    runs: r.runs,
    calls: r.calls,
    reverts: r.reverts,
    findings: r.findings.map((f) => ({ id: f.violation.id, run: f.run, original: f.original.map((c) => toCallRecord(c)), shrunk: f.shrunk.map((c) => toCallRecord(c)) })),
    hybrid: r.hybrid === undefined ? undefined : { ...r.hybrid, timeMs: 0 },
    corpus: r.corpus.map((s) => s.map((c) => toCallRecord(c))),
  };
}

describe('hybrid fuzzing in a campaign', () => {
  it('opens two 64-bit product guards, one behind the other, that the same campaign without it never passes', async () => {
    const off = await runCampaign(await open('Hidden', { ...small, hybrid: 'off' }));
    expect(off.findings).toEqual([]);
    expect(off.hybrid).toBeUndefined();

    const session = await open('Hidden', { ...small, hybrid: 'on' });
    const on = await runCampaign(session);
    expect(on.findings.map((f) => f.violation.id)).toEqual([expect.stringMatching(HIDDEN_BUG)]);
    const bug = on.findings[0]!;
    // arm(x) then fire(y), both with the one value that passes: the EVM agrees on replay.
    expect(bug.shrunk.map((c) => c.target.fn.name)).toEqual(['arm', 'fire']);
    expect((await runSequence(session, bug.shrunk, { target: bug.violation.id })).violation?.id).toBe(bug.violation.id);
    const h = on.hybrid!;
    expect(h.rounds).toBeGreaterThanOrEqual(2);
    expect(h.solved).toBeGreaterThanOrEqual(2);
    expect(h.corpusEntries).toBeGreaterThanOrEqual(2);
    expect(h.newEdges).toBeGreaterThanOrEqual(h.corpusEntries);
    expect(h.candidates).toBeGreaterThanOrEqual(h.corpusEntries);
    expect(h.queries).toBeGreaterThanOrEqual(h.solved);
  });

  it('runs a proposal the EVM does not confirm, and keeps it out of the corpus', async () => {
    // keccak is uninterpreted in the symbolic EVM, so `keccak256(x) == K` looks satisfiable; no real call takes it.
    const result = await runCampaign(await open('Lucky', { runs: 40, depth: 10, seed: 1, hybrid: 'on' }));
    const h = result.hybrid!;
    expect(h.concrete + h.solved).toBeGreaterThanOrEqual(1);
    expect(h.candidates).toBeGreaterThanOrEqual(1);
    expect(h.corpusEntries).toBe(0);
    expect(h.newEdges).toBe(0);
    expect(result.findings).toEqual([]);
  });

  it('gives the same campaign twice from the same seed, hybrid rounds and all', async () => {
    const a = await runCampaign(await open('Hidden', { ...small, hybrid: 'on' }));
    const b = await runCampaign(await open('Hidden', { ...small, hybrid: 'on' }));
    expect(a.hybrid?.rounds).toBeGreaterThanOrEqual(1);
    expect(fingerprint(b)).toEqual(fingerprint(a));
  });
});
