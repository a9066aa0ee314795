// The progress bar on stderr (only when stderr is a terminal, or with --progress): inputs done (of
// how many, once the inputs are all listed), pages/s, time left, errors so far. Problem lines are
// written above it. Redrawn at most five times a second.
import type { Lang } from './output';

export class Progress {
  private done = 0;
  private total: number | null = null;
  private failed = 0;
  private errors = 0;
  private readonly start = Date.now();
  private last = 0;
  private shown = false;

  constructor(private readonly out: NodeJS.WriteStream, private readonly lang: Lang, private readonly enabled: boolean) {}

  setTotal(n: number) {
    this.total = n;
  }

  tick(errors: number, failed: boolean) {
    this.done++;
    this.errors += errors;
    if (failed) this.failed++;
    const now = Date.now();
    if (now - this.last > 200) {
      this.last = now;
      this.draw();
    }
  }

  /** A line above the bar (a problem). */
  say(line: string) {
    if (this.shown) this.out.write('\r\x1b[2K');
    this.out.write(`${line}\n`);
    if (this.shown) this.draw();
  }

  line(): string {
    const secs = Math.max(0.001, (Date.now() - this.start) / 1000);
    const rate = this.done / secs;
    const zh = this.lang === 'zh';
    const count = this.total !== null ? `${this.done}/${this.total}` : `${this.done}`;
    const left = this.total !== null && rate > 0 ? Math.max(0, (this.total - this.done) / rate) : null;
    const eta = left === null ? '' : zh ? ` · 剩余约 ${fmt(left)}` : ` · ETA ${fmt(left)}`;
    return zh
      ? `${count} 个文件 · ${rate.toFixed(0)} 页/秒${eta} · 错误 ${this.errors} · 无法检查 ${this.failed}`
      : `${count} files · ${rate.toFixed(0)} pages/s${eta} · ${this.errors} errors · ${this.failed} not checked`;
  }

  private draw() {
    if (!this.enabled) return;
    this.shown = true;
    const width = this.out.columns ?? 80;
    const total = this.total;
    const bar = total ? `[${'#'.repeat(Math.round((this.done / total) * 20)).padEnd(20, '.')}] ` : '';
    this.out.write(`\r\x1b[2K${(bar + this.line()).slice(0, width - 1)}`);
  }

  end() {
    if (this.shown) this.out.write('\r\x1b[2K');
    this.shown = false;
  }
}

function fmt(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.round((s % 3600) / 60)).padStart(2, '0')}m`;
}
