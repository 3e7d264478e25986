import { describe, expect, it } from 'vitest';
import { niceTicks } from './niceTicks.js';

describe('niceTicks', () => {
  it('covers the maximum with round steps', () => {
    expect(niceTicks(455, 4)).toEqual({ ticks: [0, 200, 400, 600], top: 600, step: 200 });
    expect(niceTicks(455, 6)).toEqual({ ticks: [0, 100, 200, 300, 400, 500], top: 500, step: 100 });
    expect(niceTicks(7.53, 5)).toEqual({ ticks: [0, 2, 4, 6, 8], top: 8, step: 2 });
    expect(niceTicks(0.3, 3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('keeps integer steps whole and shows an empty range as 0..1', () => {
    expect(niceTicks(2, 4, true)).toEqual({ ticks: [0, 1, 2], top: 2, step: 1 });
    expect(niceTicks(0, 4, true)).toEqual({ ticks: [0, 1], top: 1, step: 1 });
  });
});
