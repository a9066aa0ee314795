// Random markup for the HTML readers' comparisons with htmlparser2 and linkedom
// (lib/extract/html-tokenizer.test.ts, lib/extract/node-dom.test.ts).
import fc from 'fast-check';

// Pieces of markup, put together at random: tags of every kind, broken ones, special (raw text)
// elements, comments, declarations, CDATA, entities whole and cut, quotes, and the control
// characters htmlparser2 compares case-insensitively with "<" and "/" (0x1c, 0x0f).
const piece = fc.constantFrom(
  '<', '>', '/', '</', '/>', '<!', '<!--', '-->', '--', '-', '<?', '?>', '<![CDATA[', ']]>', '[', ']', '=', '"', "'", ' ', '\n', '\t',
  '&', '&amp;', '&amp', '&lt', '&nbsp;', '&#x4E00;', '&#19968;', '&#', '&#x', '&copy', '&notin;', '&zz;', ';', '#', 'x',
  'a', 'p', 'td', 'tr', 'table', 'div', 'br', 'span', 'script', 'SCRIPT', 'style', 'title', 'TITLE', 'textarea', 'xmp', 'svg', 'math',
  ' colspan="2"', ' COLSPAN=3', ' rowspan=\'2\'', ' style="display:none"', ' class="MsoNormal" lang=EN-US', ' hidden', ' name=a content="b&amp;c"', ' x="&quot;"',
  '收到申请', '1,184', '\u001c', '\u000f', 'CDATA[',
);

/** Random pieces joined: tags, broken tags, raw-text elements, comments, entities, attributes. */
export const markup = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));

/**
 * The same, richer in the tags whose open or close implies others (lists, forms, table sections,
 * headings, SVG and MathML with their HTML islands, void elements), and no upper-case attribute
 * names (linkedom keeps their case, browsers and the CLI's tree lower it).
 */
export const treeMarkup = fc
  .array(
    fc.oneof(
      piece,
      fc.constantFrom('<li>', '<ol>', '</ol>', '<dd>', '<dt>', '<dl>', '<select>', '<option>', '<optgroup>', '<thead>', '<tbody>', '<tfoot>', '<th>', '<h1>', '</h1>',
        '<svg>', '</svg>', '<math>', '</math>', '<mi>', '</mi>', '<desc>', '</desc>', '<foreignObject>', '</foreignObject>', '<g/>', '<br>', '</br>', '</p>', '<hr>', '<img src=x>', '<input>', '<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<p>', '<div>', '</div>', '</span>', '<body>', '<head>'),
    ),
    { maxLength: 80 },
  )
  .map((pieces) => pieces.join('').replace(/ COLSPAN=3/g, ' colspan=3'));