import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { WorkerPool } from './pool';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-pool-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('WorkerPool', () => {
  it('gives every input one problem when no worker can start (a broken build), instead of respawning forever', async () => {
    const entry = path.join(dir, 'broken.mjs');
    fs.writeFileSync(entry, "throw new Error('the bundle is broken');\n");
    const pool = new WorkerPool({ size: 2, timeoutMs: 60_000, maxMemoryMb: 64, settings: { agency: null }, entry: pathToFileURL(entry) });
    const outcomes = await Promise.all([1, 2, 3].map((id) => pool.run({ id, source: `f${id}`, bytes: new Uint8Array([0x61]) })));
    await pool.close();
    expect(outcomes).toEqual([1, 2, 3].map((id) => ({ id, problem: { kind: 'failed', zh: '分析进程无法启动', en: 'the worker cannot start: the bundle is broken' } })));
  });

  it("sends what a worker prints to stderr, never to stdout (stdout carries data only)", async () => {
    const entry = path.join(dir, 'noisy.mjs');
    fs.writeFileSync(entry, "import { parentPort } from 'node:worker_threads';\nconsole.log('library chatter');\nparentPort.postMessage({ ready: true });\nparentPort.on('message', (job) => parentPort.postMessage({ id: job.id, problem: { kind: 'failed', zh: 'x', en: 'y' } }));\n");
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    const pool = new WorkerPool({ size: 1, timeoutMs: 60_000, maxMemoryMb: 64, settings: { agency: null }, entry: pathToFileURL(entry) });
    expect(await pool.run({ id: 7, source: 'f', bytes: new Uint8Array([0x61]) })).toEqual({ id: 7, problem: { kind: 'failed', zh: 'x', en: 'y' } });
    await pool.close();
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain('library chatter');
    expect(stdout.mock.calls.map((c) => String(c[0])).join('')).not.toContain('library chatter');
    stdout.mockRestore();
    stderr.mockRestore();
  });
});
