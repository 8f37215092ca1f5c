// Sources in Traditional characters are read as Simplified, with their places unchanged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isTraditional, toSimplified } from '../../pipeline/ingest/script.js';
import { ingest } from '../../pipeline/ingest/index.js';
import { docSegments } from '../../pipeline/ingest/walk.js';

const trad = readFileSync('tests/fixtures/ingest/news/traditional.md', 'utf8');
const seed = readFileSync('sources/siis-2025-common-security/source.txt', 'utf8');

describe('Traditional sources', () => {
  it('tells Traditional writing from Simplified', () => {
    expect(isTraditional(trad)).toBe(true);
    expect(isTraditional(seed)).toBe(false);
    expect(isTraditional(readFileSync('sources/thepaper-2023-xiangshan-forum/source.md', 'utf8'))).toBe(false);
    // a few Traditional names in a Simplified text do not make it Traditional
    expect(isTraditional('台湾学者陳家明、林志偉在会上发言，他们认为这个问题应当通过对话解决。')).toBe(false);
  });
  it('converts to Simplified without changing the length', () => {
    expect(toSimplified('區域安全論壇在新加坡閉幕，與會者認為')).toBe('区域安全论坛在新加坡闭幕，与会者认为');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'們這個國會來時對學說為與後從發經過還開關見乾隆裡面著作，。「」abc1 \n') }), (s) => {
        expect(toSimplified(s).length).toBe(s.length);
      }),
    );
  });
  it('ingests a Traditional article as Simplified, each sentence still at its line and column', () => {
    const { doc, diagnostics } = ingest({ slug: 'hk', file: 'hk.md', bytes: Buffer.from(trad), format: 'md' });
    expect(doc.meta.title).toBe('区域安全论坛在新加坡闭幕 各方呼吁以对话化解分歧');
    expect(doc.meta.authors).toEqual([{ name: '陈家明' }]);
    expect(diagnostics.map((d) => d.ruleId)).toContain('traditional');
    const lines = trad.split('\n');
    for (const { segment } of docSegments(doc)) {
      const at = lines[segment.place.line - 1].slice(segment.place.column - 1);
      expect(toSimplified(at).startsWith(segment.text.slice(0, 6)), segment.text).toBe(true);
    }
  });
});
