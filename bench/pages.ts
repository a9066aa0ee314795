// The pages the benchmark times: every corpus page, every seed as saved text, and each seed's three
// HTML renderings. Shared by the Node and CLI measurements (and a browser one, when added).
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, SEEDS, SHARED } from '../test/fixtures/seeds';

/** The middle of the sorted figures (mean of the two middle ones for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface BenchPage {
  name: string;
  file: string;
  kind: 'html' | 'text';
  content: string;
}

export function benchPages(): BenchPage[] {
  const corpus = path.join(SHARED, 'corpus');
  const files = [
    ...fs.readdirSync(corpus).filter((f) => /\.(html|txt)$/.test(f)).sort().map((f) => path.join(corpus, f)),
    ...SEEDS.flatMap((s) => [s.file, ...['word', 'clean', 'split'].map((v) => path.join(REPO_ROOT, 'test/fixtures/html', `${s.id}-${v}.html`))]),
  ];
  return files.map((file) => ({
    name: path.relative(REPO_ROOT, file),
    file,
    kind: file.endsWith('.txt') ? 'text' : 'html',
    content: fs.readFileSync(file, 'utf8'),
  }));
}
