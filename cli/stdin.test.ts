import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { stdinItems } from './stdin';

const collect = async (chunks: (string | Buffer)[]) => {
  const out: string[] = [];
  for await (const item of stdinItems(Readable.from(chunks, { objectMode: true }))) out.push('problem' in item ? `${item.source}: ${item.problem.en}` : `${item.source}: ${new TextDecoder().decode(item.bytes)}`);
  return out;
};

describe('stdinItems', () => {
  it('splits lines across chunks (also inside a UTF-8 character), skips blank lines, reads a last line without a newline', async () => {
    const line = Buffer.from(`${JSON.stringify({ source: '年报', text: '鹤岗市' })}\r\n\n${JSON.stringify({ source: 'b', text: 'x' })}`);
    // Cut inside 年 (3 bytes) and at every few bytes.
    const chunks = [line.subarray(0, 13), line.subarray(13, 14), line.subarray(14, 40), line.subarray(40)];
    expect(await collect(chunks)).toEqual(['年报: 鹤岗市', 'b: x']);
  });

  it('names a bad line by its number', async () => {
    expect(await collect(['{"source":"a","text":"1"}\n', '[1]\n{oops\n'])).toEqual(['a: 1', 'stdin:2: line is not a JSON object', expect.stringMatching(/^stdin:3: line is not JSON: /)]);
  });
});
