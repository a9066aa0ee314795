// When a changing page is analysed again. Reports arrive late (a 文字版 switch, a tab, an SPA) or
// change (a 繁體/简体 toggle), while other pages never stop changing (a ticker, a clock). A plain
// debounce starves on a page that changes faster than its delay and re-analyses on every change of
// a slower one; here a run waits for a quiet moment, but never longer than `maxWaitMs` after the
// first change, and never comes sooner than `minIntervalMs` after the previous run.

export interface ReanalysisTiming {
  /** Quiet time after the last change before running. */
  quietMs: number;
  /** A change is analysed at the latest this long after it, however busy the page. */
  maxWaitMs: number;
  /** Runs are at least this far apart (≤ maxWaitMs, so maxWaitMs still holds). */
  minIntervalMs: number;
}

/** An analysis takes 5–60 ms: at most one every 2 s keeps a busy page's cost under 3 %. */
export const REANALYSIS_TIMING: ReanalysisTiming = { quietMs: 600, maxWaitMs: 2500, minIntervalMs: 2000 };

export interface Reanalysis {
  /** The page changed (in a way that may concern the report). */
  changed(): void;
  /** An analysis just ran for another reason: the minimum interval counts from now. */
  ran(): void;
  stop(): void;
}

export function createReanalysis(run: () => void, timing: ReanalysisTiming = REANALYSIS_TIMING, now: () => number = () => performance.now()): Reanalysis {
  let firstChange: number | null = null;
  let lastChange = 0;
  let lastRun = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function fire(): void {
    timer = undefined;
    firstChange = null;
    lastRun = now();
    run();
  }

  return {
    changed() {
      const at = now();
      firstChange ??= at;
      lastChange = at;
      const due = Math.max(lastRun + timing.minIntervalMs, Math.min(lastChange + timing.quietMs, firstChange + timing.maxWaitMs));
      clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, due - at));
    },
    ran() {
      lastRun = now();
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      firstChange = null;
    },
  };
}
