// A file that yields no page at all (encrypted, truncated, not what its name says, over a size or
// time cap): one clear message, in Chinese and English, instead of a crash. Front doors throw it;
// the CLI prints it on one line and the viewer shows it.
export class UnreadableFile extends Error {
  constructor(
    /** Chinese: "PDF 已加密，无法读取". */
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} (${en})`);
    this.name = 'UnreadableFile';
  }
}
