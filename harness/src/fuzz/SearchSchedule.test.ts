import { describe, expect, it } from 'vitest';
import { Corpus } from './Corpus.js';
import { testGenerator } from './fixtures/testTargets.js';
import { SearchSchedule } from './SearchSchedule.js';

function setup(seed = 1) {
  const g = testGenerator({ seed });
  const corpus = new Corpus({ hitsOf: () => 1 });
  return { g, corpus, schedule: new SearchSchedule(corpus, g, 50) };
}

describe('SearchSchedule', () => {
  it('starts fresh while the corpus is empty', () => {
    const { schedule } = setup();
    for (let k = 0; k < 20; k++) expect(schedule.next()).toEqual({ kind: 'fresh', calls: [] });
  });

  it('runs comparison-guided replacements of a new entry before anything else, in order', () => {
    const { g, corpus, schedule } = setup();
    const seq = [g.next(), g.next()];
    corpus.add(seq, [1]);
    const last = seq[1]!;
    schedule.compared(seq, [{ position: 0, value: 'x' }, { position: 0, value: 'y' }]);
    for (const value of ['x', 'y']) {
      const plan = schedule.next();
      expect(plan.kind).toBe('comparison');
      expect(plan.calls).toEqual([seq[0], { ...last, args: [value, ...last.args.slice(1)] }]);
    }
    expect(schedule.next().kind).not.toBe('comparison');
  });

  it('mixes fresh runs and corpus runs, leaning to whichever reaches new edges', () => {
    const { g, corpus, schedule } = setup(3);
    corpus.add([g.next()], [1]);
    expect(schedule.corpusShare()).toBeCloseTo(0.5);
    const kinds = new Set<string>();
    for (let k = 0; k < 40; k++) {
      const plan = schedule.next();
      kinds.add(plan.kind);
      schedule.record(plan, plan.kind === 'fresh' ? 0 : 1);
      if (plan.kind !== 'fresh') expect(plan.calls.length).toBeLessThanOrEqual(50);
    }
    expect([...kinds].sort()).toEqual(['fresh', 'mutant', 'resume']);
    expect(schedule.corpusShare()).toBe(0.85);
    for (let k = 0; k < 60; k++) schedule.record({ kind: 'mutant', calls: [] }, 0);
    for (let k = 0; k < 5; k++) schedule.record({ kind: 'fresh', calls: [] }, 1);
    expect(schedule.corpusShare()).toBe(0.2);
  });
});
