// htmlparser2's tokenizer, with its two hottest states skipping ahead natively. It steps through the
// page one character per loop turn, with a state switch and a method call each: three quarters of a
// report page's characters are text and attribute values (Word puts a long style on every span),
// where nothing can happen before the next "<" / quote or "&". Here those runs are skipped with
// indexOf; every other state, the entity decoding and all the events are htmlparser2's own, so the
// events are the same (lib/extract/html-tokenizer.test.ts compares them on real and random pages).
import { Tokenizer } from 'htmlparser2';

const LT = 0x3c;
const AMP = 0x26;
const DOUBLE_QUOTE = 0x22;

// Tokenizer's fields and states are private in its types; these are the ones the overrides touch.
interface TokenizerState {
  buffer: string;
  offset: number;
  index: number;
  decodeEntities: boolean;
  startEntity(): void;
}

type State = (this: TokenizerState & SkippingState, c: number) => void;
type QuotedState = (this: TokenizerState & SkippingState, c: number, quote: number) => void;

/** Where the next "&" is, searched once per run of the buffer rather than once per text run. */
interface SkippingState {
  ampBuffer?: string;
  ampAt?: number;
}

const base = Tokenizer.prototype as unknown as { stateText: State; handleInAttributeValue: QuotedState };
const originalText = base.stateText;
const originalAttributeValue = base.handleInAttributeValue;

/** Index in the buffer of the first "&" at or after `from` (buffer length when none). */
function nextAmp(t: TokenizerState & SkippingState, from: number): number {
  if (t.ampBuffer !== t.buffer || t.ampAt! < from) {
    const at = t.buffer.indexOf('&', from);
    t.ampBuffer = t.buffer;
    t.ampAt = at < 0 ? t.buffer.length : at;
  }
  return t.ampAt!;
}

/** Moves to just before the first of `stop` or "&" after the current character (the loop then steps onto it). */
function skipTo(t: TokenizerState & SkippingState, stop: string): void {
  const from = t.index - t.offset + 1;
  let next = t.buffer.indexOf(stop, from);
  if (next < 0) next = t.buffer.length;
  if (t.decodeEntities) next = Math.min(next, nextAmp(t, from));
  t.index = next + t.offset - 1;
}

export class SkippingTokenizer extends Tokenizer {}

const skipping = SkippingTokenizer.prototype as unknown as { stateText: State; handleInAttributeValue: QuotedState };

skipping.stateText = function (c) {
  if (c === LT || c === AMP) originalText.call(this, c);
  else skipTo(this, '<');
};

skipping.handleInAttributeValue = function (c, quote) {
  if (c === quote || c === AMP) originalAttributeValue.call(this, c, quote);
  else skipTo(this, quote === DOUBLE_QUOTE ? '"' : "'");
};
