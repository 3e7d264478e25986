import { describe, expect, it } from 'vitest';
import { mergeWorkerParts, type WorkerPart } from './mergeWorkerParts.js';

interface F { id: string; calls: string[] }

function part(findings: F[], extra: Partial<WorkerPart<F, string>> = {}): WorkerPart<F, string> {
  return {
    findings,
    functions: [{ key: 'a.f', contract: 'a', function: 'f()', calls: 10, reverts: 1 }],
    checkCounts: [['invariant:x', 5]],
    runs: 3,
    calls: 30,
    reverts: 2,
    interrupted: false,
    stale: [],
    corpus: [],
    ...extra,
  };
}

const key = { id: (f: F) => f.id, length: (f: F) => f.calls.length };

describe('mergeWorkerParts', () => {
  it('keeps the shortest counterexample per finding, ties to the lower worker, in first-seen order', () => {
    const merged = mergeWorkerParts([
      part([{ id: 'p', calls: ['1', '2', '3'] }, { id: 'q', calls: ['a'] }]),
      part([{ id: 'r', calls: ['z'] }, { id: 'p', calls: ['4'] }, { id: 'q', calls: ['b'] }]),
    ], key);
    expect(merged.findings).toEqual([{ id: 'p', calls: ['4'] }, { id: 'q', calls: ['a'] }, { id: 'r', calls: ['z'] }]);
  });

  it('adds counts, ORs interruption, takes the first worker\'s stale list and joins corpora in order', () => {
    const merged = mergeWorkerParts([
      part([], { stale: [{ id: 's', message: 'no longer fails' }], corpus: ['c1'] }),
      part([], { interrupted: true, corpus: ['c2', 'c3'], functions: [{ key: 'b.g', contract: 'b', function: 'g()', calls: 1, reverts: 0 }, { key: 'a.f', contract: 'a', function: 'f()', calls: 2, reverts: 2 }] }),
    ], key);
    expect([merged.runs, merged.calls, merged.reverts]).toEqual([6, 60, 4]);
    expect([...merged.functions.entries()]).toEqual([
      ['a.f', { contract: 'a', function: 'f()', calls: 12, reverts: 3 }],
      ['b.g', { contract: 'b', function: 'g()', calls: 1, reverts: 0 }],
    ]);
    expect([...merged.checkCounts]).toEqual([['invariant:x', 10]]);
    expect(merged.interrupted).toBe(true);
    expect(merged.stale).toEqual([{ id: 's', message: 'no longer fails' }]);
    expect(merged.corpus).toEqual(['c1', 'c2', 'c3']);
  });

  it('is associative over consecutive workers (shards of workers merge to one run)', () => {
    const ws = [
      part([{ id: 'p', calls: ['1', '2'] }], { corpus: ['w0'] }),
      part([{ id: 'p', calls: ['3', '4'] }, { id: 'q', calls: ['x', 'y'] }], { corpus: ['w1'] }),
      part([{ id: 'q', calls: ['z'] }], { corpus: ['w2'], interrupted: true }),
      part([{ id: 'p', calls: ['5'] }], { corpus: ['w3'] }),
    ];
    const asPart = (m: ReturnType<typeof mergeWorkerParts<F, string>>): WorkerPart<F, string> => ({
      ...m,
      functions: [...m.functions].map(([k, f]) => ({ key: k, ...f })),
      checkCounts: [...m.checkCounts],
    });
    const whole = mergeWorkerParts(ws, key);
    const halves = mergeWorkerParts([asPart(mergeWorkerParts(ws.slice(0, 2), key)), asPart(mergeWorkerParts(ws.slice(2), key))], key);
    expect(halves).toEqual(whole);
  });
});
