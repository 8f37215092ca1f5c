import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { ingest } from '../../pipeline/ingest/index.js';
import { UserError } from '../../pipeline/diagnostics.js';
import { docSegments } from '../../pipeline/ingest/walk.js';

const enc = new TextEncoder();
const newsSeed = readFileSync('sources/thepaper-2023-xiangshan-forum/source.md');
const reportSeed = readFileSync('sources/siis-2025-common-security/source.txt');

describe('ingest', () => {
  it('reads Markdown as news and plain text as a report', () => {
    expect(ingest({ slug: 'n', file: 'n.md', bytes: newsSeed, format: 'md' }).doc.kind).toBe('news');
    expect(ingest({ slug: 'r', file: 'r.txt', bytes: reportSeed, format: 'txt' }).doc.kind).toBe('report');
  });

  it('lets meta.yaml choose the parser and override the facts', () => {
    const { doc } = ingest({
      slug: 'n',
      file: 'n.txt',
      bytes: newsSeed,
      format: 'txt',
      meta: { file: 'meta.yaml', text: 'kind: news\noutlet: 澎湃新闻网\ndate: 2023-10-31\nshortTitle: 香山论坛谈俄乌\n' },
    });
    expect(doc.kind).toBe('news');
    expect(doc.meta.outlet).toBe('澎湃新闻网');
    expect(doc.meta.date).toBe('2023-10-31');
    expect(doc.meta.authors).toEqual([{ name: '侯丹玮' }]);
    expect(doc.titleSegments.map((s) => s.text)).toContain('香山论坛谈俄乌');
  });

  it('refuses a wrong meta.yaml before parsing', () => {
    expect(() => ingest({ slug: 'n', file: 'n.md', bytes: newsSeed, format: 'md', meta: { file: 'meta.yaml', text: 'titel: x' } })).toThrow(UserError);
  });

  it('decodes GB18030 input', () => {
    const gb = readFileSync('tests/fixtures/ingest/encodings/gb18030.txt');
    const { doc } = ingest({ slug: 'g', file: 'g.md', bytes: gb, format: 'md' });
    expect(doc.meta.title).toBe('测试标题');
    expect(doc.meta.outlet).toBe('新京报');
  });

  it.each(['md', 'txt'] as const)('parses an empty %s file', (format) => {
    const { doc } = ingest({ slug: 'e', file: `e.${format}`, bytes: new Uint8Array(0), format });
    expect(doc.sections.length).toBe(0);
  });

  it.each([
    ['md', newsSeed],
    ['txt', reportSeed],
  ] as const)(
    'parses a 5 MB %s file',
    (format, seed) => {
      const copies = Math.ceil((5 * 1024 * 1024) / seed.length);
      const big = new Uint8Array(seed.length * copies + copies);
      for (let i = 0; i < copies; i++) {
        big.set(seed, i * (seed.length + 1));
        big[i * (seed.length + 1) + seed.length] = 0x0a;
      }
      expect(big.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
      const { doc } = ingest({ slug: 'big', file: `big.${format}`, bytes: big, format });
      let n = 0;
      for (const v of docSegments(doc)) {
        expect(v.segment.place.line).toBeGreaterThanOrEqual(1);
        n++;
      }
      expect(n).toBeGreaterThan(1000);
    },
    300_000,
  );

  it('is deterministic', () => {
    const a = ingest({ slug: 'n', file: 'n.md', bytes: newsSeed, format: 'md' });
    const b = ingest({ slug: 'n', file: 'n.md', bytes: newsSeed, format: 'md' });
    expect(JSON.stringify(a.doc)).toBe(JSON.stringify(b.doc));
  });

  it('keeps every segment at its place in the file', () => {
    const text = newsSeed.toString('utf8').split('\n');
    const { doc } = ingest({ slug: 'n', file: 'n.md', bytes: newsSeed, format: 'md' });
    for (const { segment } of docSegments(doc)) {
      const line = text[segment.place.line - 1];
      const first = segment.text[0];
      // the source character there is the segment's first (or its radical form before normalization)
      const src = line.slice(segment.place.column - 1, segment.place.column);
      expect(src === first || src.normalize('NFKC') === first || /[\u2E80-\u2FDF]/.test(src)).toBe(true);
    }
  });
});
