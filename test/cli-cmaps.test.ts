// The CLI on report PDFs whose text needs pdf.js's predefined CMaps (Adobe's Chinese fonts not
// embedded, no ToUnicode: test/fixtures/pdf/cmap.ts), run from a folder with no node_modules: the
// bundle finds the CMaps beside the pdf.js it loads, not in the working directory. Each PDF prints
// exactly what the page it was written from prints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedCmapPdf, type CjkFont } from './fixtures/pdf/cmap';
import { FIXTURES_HTML } from '../scripts/serve';
import { runCli, type CliRun } from './fixtures/cli';
import type { SeedId } from './fixtures/seeds';

// A child process that may rebuild the bundle first: seconds on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-cli-cmaps-'));
afterAll(() => fs.rmSync(tmp, { recursive: true }));

const SEEDS: [SeedId, CjkFont][] = [['003', 'traditional'], ['000', 'simplified']];

describe('gongkai-lens check on iText-style PDFs, from another folder', () => {
  let run: CliRun;
  let blocks: string[];
  beforeAll(async () => {
    const args: string[] = [];
    for (const [id, font] of SEEDS) {
      const html = path.join(FIXTURES_HTML, `${id}-clean.html`);
      fs.writeFileSync(path.join(tmp, `${id}.pdf`), await seedCmapPdf(id, font));
      args.push(`${id}.pdf`, html);
    }
    run = runCli(args, {}, tmp);
    blocks = run.stdout.trimEnd().split('\n\n');
  }, 60_000);
  // A report's block without its first line (the input's name).
  const body = (input: string) => blocks.find((b) => b.startsWith(`${input}\n`))?.split('\n').slice(1);

  it('reads both: exit 1 (seed 003 has errors), nothing on stderr, four reports counted', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(blocks.at(-1)).toBe('共 4 份报告：24 个错误，0 个警告');
  });

  it.each(SEEDS)('seed %s: the PDF prints what its HTML page prints (agency, year, totals, every finding)', (id) => {
    const pdf = body(`${id}.pdf`);
    expect(pdf?.[0]).toMatch(id === '003' ? /^ {2}衡阳市人民政府办公室 · 2019年/ : /^ {2}鹤岗市人民政府办公室 · 2024年/);
    expect(pdf).toEqual(body(path.join(FIXTURES_HTML, `${id}-clean.html`)));
  });
});
