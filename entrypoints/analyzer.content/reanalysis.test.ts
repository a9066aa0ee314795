import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReanalysis, REANALYSIS_TIMING, type Reanalysis } from './reanalysis';

/** A page that changes every `everyMs` for `forMs`; returns the times (ms from the start) the analysis ran. */
function busyPage(everyMs: number, forMs: number): number[] {
  const start = Date.now();
  const runs: number[] = [];
  const reanalysis: Reanalysis = createReanalysis(() => runs.push(Date.now() - start), REANALYSIS_TIMING, () => Date.now());
  const ticker = setInterval(() => reanalysis.changed(), everyMs);
  vi.advanceTimersByTime(forMs);
  clearInterval(ticker);
  vi.advanceTimersByTime(REANALYSIS_TIMING.maxWaitMs);
  reanalysis.stop();
  return runs;
}

describe('re-analysis of a changing page', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('runs once after a single change, when the page has been quiet for 600 ms', () => {
    const runs: number[] = [];
    const reanalysis = createReanalysis(() => runs.push(Date.now()), REANALYSIS_TIMING, () => Date.now());
    const start = Date.now();
    reanalysis.changed();
    vi.advanceTimersByTime(599);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([start + 600]);
    vi.advanceTimersByTime(10_000);
    expect(runs).toHaveLength(1);
  });

  it('does not starve on a ticker every 50 ms: a run 2.5 s after the first unhandled change, 4 in 10 s', () => {
    const runs = busyPage(50, 10_000);
    // Never quiet: each run comes at the maximum wait after the first change since the last one.
    expect(runs).toHaveLength(4);
    expect(runs[0]).toBeLessThanOrEqual(50 + REANALYSIS_TIMING.maxWaitMs + 1);
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i]! - runs[i - 1]!).toBeGreaterThanOrEqual(REANALYSIS_TIMING.minIntervalMs);
      expect(runs[i]! - runs[i - 1]!).toBeLessThanOrEqual(50 + REANALYSIS_TIMING.maxWaitMs + 1);
    }
  });

  it('runs at most once per 2 s on a ticker every 1 s (not on every tick)', () => {
    const runs = busyPage(1000, 10_000);
    expect(runs).toEqual([1600, 3600, 5600, 7600, 9600, 11_600]);
    for (let i = 1; i < runs.length; i++) expect(runs[i]! - runs[i - 1]!).toBeGreaterThanOrEqual(REANALYSIS_TIMING.minIntervalMs);
  });

  it('picks up a change within the maximum wait, however recently it ran', () => {
    const runs: number[] = [];
    const start = Date.now();
    const reanalysis = createReanalysis(() => runs.push(Date.now() - start), REANALYSIS_TIMING, () => Date.now());
    reanalysis.ran();
    vi.advanceTimersByTime(100);
    reanalysis.changed();
    vi.advanceTimersByTime(REANALYSIS_TIMING.maxWaitMs);
    // Not sooner than 2 s after the last run, and within 2.5 s of the change.
    expect(runs).toEqual([2000]);
  });

  it('stops: no run after stop()', () => {
    const run = vi.fn();
    const reanalysis = createReanalysis(run, REANALYSIS_TIMING, () => Date.now());
    reanalysis.changed();
    reanalysis.stop();
    vi.advanceTimersByTime(10_000);
    expect(run).not.toHaveBeenCalled();
  });
});
