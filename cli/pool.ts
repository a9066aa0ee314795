// Worker threads that analyse inputs, each under a memory limit (resourceLimits) and a per-input
// time limit. A worker that runs out of time or memory is terminated and replaced: its input yields
// one problem, the batch goes on. Results come back as promises; the caller keeps them in order.
import { Worker } from 'node:worker_threads';
import type { GcQuery, Job, Outcome, Problem, WorkerSettings } from './worker';

export interface PoolOptions {
  size: number;
  /** Per input, milliseconds. */
  timeoutMs: number;
  /** Per worker: V8's old generation limit, MB. */
  maxMemoryMb: number;
  settings: WorkerSettings;
  /** The module a worker runs: this bundle (or cli/check.ts under tsx). */
  entry: URL;
}

interface Task {
  job: Job;
  resolve(outcome: Outcome): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private closing = false;
  /** Workers that died before they were ready, in a row: the program itself cannot start one. */
  private startFailures = 0;
  /** Set when no worker can start: what every input gets. */
  private dead: Problem | null = null;

  constructor(private readonly opts: PoolOptions) {
    for (let i = 0; i < opts.size; i++) this.slots.push(this.spawn());
  }

  run(job: Job): Promise<Outcome> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  /** Ends the workers; resolves to their garbage collection time (ms, over the workers still alive). */
  async close(): Promise<number> {
    this.closing = true;
    const gc = await Promise.all(
      this.slots.map((s) => new Promise<number>((resolve) => {
        if (!s.ready) return resolve(0);
        const timer = setTimeout(() => resolve(0), 1000);
        s.worker.once('message', (m: { gcMs?: number }) => {
          clearTimeout(timer);
          resolve(m.gcMs ?? 0);
        });
        s.worker.postMessage({ gc: true } satisfies GcQuery);
      })),
    );
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    return gc.reduce((a, b) => a + b, 0);
  }

  private spawn(): Slot {
    const worker = new Worker(this.opts.entry, {
      workerData: this.opts.settings,
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, this.opts.maxMemoryMb >> 3)) },
      // stdout carries data only: whatever a library prints in a worker (pdf.js warnings) goes to stderr.
      stdout: true,
      stderr: false,
    });
    worker.stdout.pipe(process.stderr, { end: false });
    const slot: Slot = { worker, ready: false, task: null, timer: null };
    worker.on('message', (msg: Outcome | { ready: true }) => {
      if ('ready' in msg) {
        slot.ready = true;
        this.startFailures = 0;
      } else if (slot.task && slot.task.job.id === msg.id) {
        this.finish(slot, msg);
      }
      this.pump();
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (!slot.ready && ++this.startFailures >= 3) return this.giveUp(e);
      const problem: Problem = e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? { kind: 'limit', zh: `超出内存上限（${this.opts.maxMemoryMb} MB），已中止`, en: `over the memory limit (${this.opts.maxMemoryMb} MB), stopped` }
        : { kind: 'failed', zh: '分析失败', en: `analysis failed: ${e.message}` };
      this.replace(slot, problem);
    });
    worker.on('exit', () => {
      // An exit nobody asked for (a crash without an 'error' event) must not lose the input.
      if (!this.closing && this.slots.includes(slot)) this.replace(slot, { kind: 'failed', zh: '分析进程意外退出', en: 'the worker exited unexpectedly' });
    });
    return slot;
  }

  private finish(slot: Slot, outcome: Outcome) {
    if (slot.timer) clearTimeout(slot.timer);
    const task = slot.task!;
    slot.task = null;
    slot.timer = null;
    task.resolve(outcome);
  }

  /** The slot's worker is gone or hopeless: its input yields `problem`, a fresh worker takes its place. */
  private replace(slot: Slot, problem: Problem) {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    if (slot.task) this.finish(slot, { id: slot.task.job.id, problem });
    void slot.worker.terminate();
    this.slots[at] = this.spawn();
    this.pump();
  }

  /** No worker can start (a broken build): every input left says so, instead of respawning forever. */
  private giveUp(e: Error) {
    this.closing = true;
    const problem: Problem = { kind: 'failed', zh: '分析进程无法启动', en: `the worker cannot start: ${e.message}` };
    for (const slot of this.slots) {
      if (slot.task) this.finish(slot, { id: slot.task.job.id, problem });
      void slot.worker.terminate();
    }
    for (const task of this.queue.splice(0)) task.resolve({ id: task.job.id, problem });
    this.dead = problem;
  }

  private pump() {
    if (this.dead) {
      for (const task of this.queue.splice(0)) task.resolve({ id: task.job.id, problem: this.dead });
      return;
    }
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (!slot.ready || slot.task) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => {
        const s = this.opts.timeoutMs / 1000;
        this.replace(slot, { kind: 'limit', zh: `超过时间上限（${s} 秒），已中止`, en: `over the time limit (${s} s), stopped` });
      }, this.opts.timeoutMs);
      const { bytes } = task.job;
      // Transfer when the bytes own their whole buffer (a Buffer from a pool does not).
      const transfer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
      slot.worker.postMessage(task.job, transfer);
    }
  }
}
