// htmlparser2's tokenizer, with its two hottest states skipping ahead natively, and only the
// attributes the engine reads passed on. It steps through the page one character per loop turn, with
// a state switch and a method call each: three quarters of a report page's characters are text and
// attribute values (Word puts a long style on every span), where nothing can happen before the next
// "<" / quote or "&". Here those runs are skipped with indexOf; every other state, the entity
// decoding and all the events are htmlparser2's own, so the events are the same
// (lib/extract/html-tokenizer.test.ts compares them on real and fuzzed pages). Attributes nobody
// reads (class, lang, width… most of a Word page's) cost the parser a string, a lower-casing and a
// property each: they are dropped here.
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

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

/** The tokenizer's options as htmlparser2's Parser passes them on, with the attributes to keep (lower case). */
export interface SkippingOptions {
  xmlMode?: boolean;
  decodeEntities?: boolean;
  keptAttributes: ReadonlySet<string>;
}

/** The parser's events, except those of attributes not in `kept`; `source` is set once the tokenizer exists. */
function keepingAttributes(parser: TokenizerCallbacks, kept: ReadonlySet<string>) {
  // Names are compared lower-cased, as the parser gives them; a name longer than any kept one is not sliced.
  const longest = Math.max(...[...kept].map((name) => name.length));
  let dropping = false;
  const events = {
    source: null as TokenizerState | null,
    onattribname(start: number, end: number) {
      const { buffer, offset } = events.source!;
      dropping = end - start > longest || !kept.has(buffer.slice(start - offset, end - offset).toLowerCase());
      if (!dropping) parser.onattribname(start, end);
    },
    onattribdata: (start: number, end: number) => dropping || parser.onattribdata(start, end),
    onattribentity: (cp: number) => dropping || parser.onattribentity(cp),
    onattribend(quote: number, end: number) {
      if (dropping) dropping = false;
      else parser.onattribend(quote, end);
    },
    oncdata: (start: number, end: number, offset: number) => parser.oncdata(start, end, offset),
    onclosetag: (start: number, end: number) => parser.onclosetag(start, end),
    oncomment: (start: number, end: number, offset: number) => parser.oncomment(start, end, offset),
    ondeclaration: (start: number, end: number) => parser.ondeclaration(start, end),
    onend: () => parser.onend(),
    onopentagend: (end: number) => parser.onopentagend(end),
    onopentagname: (start: number, end: number) => parser.onopentagname(start, end),
    onprocessinginstruction: (start: number, end: number) => parser.onprocessinginstruction(start, end),
    onselfclosingtag: (end: number) => parser.onselfclosingtag(end),
    ontext: (start: number, end: number) => parser.ontext(start, end),
    ontextentity: (cp: number, end: number) => parser.ontextentity(cp, end),
  };
  return events;
}

export class SkippingTokenizer extends Tokenizer {
  constructor(options: SkippingOptions, parser: TokenizerCallbacks) {
    const events = keepingAttributes(parser, options.keptAttributes);
    super(options, events);
    events.source = this as unknown as TokenizerState;
  }
}

const skipping = SkippingTokenizer.prototype as unknown as { stateText: State; handleInAttributeValue: QuotedState };

skipping.stateText = function (c) {
  if (c === LT || c === AMP) originalText.call(this, c);
  else skipTo(this, '<');
};

skipping.handleInAttributeValue = function (c, quote) {
  if (c === quote || c === AMP) originalAttributeValue.call(this, c, quote);
  else skipTo(this, quote === DOUBLE_QUOTE ? '"' : "'");
};
