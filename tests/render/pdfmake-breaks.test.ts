import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import TextBreakerModule from 'pdfmake/js/TextBreaker.js';
import StyleContextStackModule from 'pdfmake/js/StyleContextStack.js';
import { pdfmakeClass } from '../../pipeline/render/pdfmake-interop.js';
import { getBreaks } from '../../pipeline/render/pdfmake-breaks.js';

// pdfmake's word splitting, remembered (pipeline/render/pdfmake-breaks.ts), against pdfmake's own
// TextBreaker on random runs of text: plain strings and styled objects, with noWrap, break-all and
// line ends; asked twice, so the second answer comes from what was remembered.
const TextBreaker = pdfmakeClass(TextBreakerModule) as unknown as new () => { getBreaks(texts: unknown, stack: unknown): unknown[] };
const Stack = pdfmakeClass(StyleContextStackModule) as unknown as new (dict: unknown, defaults?: unknown) => unknown;

const piece = fc.constantFrom('中国', '和平', '进程。', 'common ', 'security', ', ', '“', '”', '—', '2025', '\n', '\r\n', ' ', 'a-b', 'www.x.org', '（', '）', 'e\u0301', '');
const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
// an item as render/pdf.ts makes them: every style property resolved (words made in one shape), some
// left out or unset, sometimes with a property no word is made with (words copied as pdfmake does)
const fullStyle = fc.record(
  {
    text,
    font: fc.constantFrom('NotoSansSC', 'NotoSans'),
    bold: fc.boolean(),
    italics: fc.boolean(),
    alignment: fc.constant('left'),
    fontSize: fc.constantFrom(9, 10.5),
    fontFeatures: fc.constantFrom(false, ['pwid']),
    characterSpacing: fc.constant(0),
    color: fc.constantFrom('#222', '#555'),
    decoration: fc.constantFrom(false, 'lineThrough'),
    link: fc.option(fc.constant('https://example.org/'), { nil: undefined }),
    noWrap: fc.option(fc.boolean(), { nil: undefined }),
    lineHeight: fc.constant(1.4),
    leadingIndent: fc.constant(0),
    wordBreak: fc.option(fc.constantFrom('normal', 'break-all'), { nil: undefined }),
    margin: fc.constant([0, 1, 0, 1]),
  },
  { requiredKeys: ['text', 'font', 'fontSize'] },
);
const item = fc.oneof(
  text,
  fc.record({ text, bold: fc.boolean(), noWrap: fc.option(fc.boolean(), { nil: undefined }), wordBreak: fc.option(fc.constantFrom('normal', 'break-all'), { nil: undefined }) }, { requiredKeys: ['text'] }),
  fullStyle,
);

describe('remembered word splitting', () => {
  it('breaks texts as pdfmake does', () => {
    const pdfmake = new TextBreaker();
    fc.assert(
      fc.property(fc.oneof(item, fc.array(item, { maxLength: 6 })), fc.boolean(), (texts, stackNoWrap) => {
        const stack = new Stack({}, stackNoWrap ? { noWrap: true } : {});
        const theirs = pdfmake.getBreaks(structuredClone(texts), stack);
        expect(getBreaks(structuredClone(texts), stack)).toEqual(theirs);
        expect(getBreaks(structuredClone(texts), stack)).toEqual(theirs);
      }),
      { numRuns: 1500 },
    );
  });
});
