import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localizeBrief, splitBySegmentIds } from '../../pipeline/localize/brief.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { segmentId } from '../../pipeline/ingest/segment.js';
import type { Brief } from '../../pipeline/model.js';
import { forumNews, forumTerms, waterReport, waterTerms } from '../fixtures/select/docs.js';

const toHant = (s: string) => s.replace(/国/g, '國').replace(/议/g, '議').replace(/东盟/g, '東盟');
const shape = (b: Brief) => b.slots.map((s) => [s.name, s.items.map((i) => i.segmentIds.join('+'))]);

describe('localizeBrief', () => {
  const report = waterReport();
  const zh = selectBrief(report, waterTerms).brief;

  it('zh-Hant: every text converted, same items in the same order, terms in their zh-Hant form', () => {
    const { brief, missing } = localizeBrief(zh, 'zh-Hant', { toHant, translate: () => undefined, terms: waterTerms, meta: report.meta });
    expect(missing).toEqual([]);
    expect(brief.lang).toBe('zh-Hant');
    expect(shape(brief)).toEqual(shape(zh));
    expect(brief.sourceLine.startsWith('上海國際問題研究院')).toBe(true);
    zh.slots.forEach((s, k) => s.items.forEach((i, j) => expect(brief.slots[k].items[j].text).toBe(toHant(i.text))));
    expect(brief.terms.find((t) => t.termId === 'asean')?.text).toBe('東協');
    expect(brief.slots.find((s) => s.name === 'positions')!.items[0].speaker?.name).toBe('東協');
    expect(zh.lang).toBe('zh-Hans'); // the input is not changed
  });

  it('en: items from the translation memory; missing ones listed once, keyed as the brief shows them', () => {
    const memory = new Map<string, string>();
    // translate everything but the first finding
    const skip = zh.slots.find((s) => s.name === 'findings')!.items[0];
    for (const s of zh.slots)
      for (const i of s.items) if (i !== skip) memory.set(i.textId ?? i.segmentIds[0], `EN(${i.text})`);
    memory.set(segmentId(zh.title), 'Shared waters');
    const { brief, missing } = localizeBrief(zh, 'en', { toHant, translate: (id) => memory.get(id), terms: waterTerms, meta: report.meta });
    expect(shape(brief)).toEqual(shape(zh));
    expect(brief.title).toBe('Shared waters');
    expect(missing).toEqual([{ id: skip.textId ?? skip.segmentIds[0], text: skip.text }]);
    expect(brief.slots.find((s) => s.name === 'recommendations')!.items[0].text).toMatch(/^EN\(/);
    expect(brief.terms.find((t) => t.termId === 'water-security')?.en).toBe('water security');
    expect(brief.sourceLine).toBe('Shanghai Institutes for International Studies · No. 12 · March 2024 · Wang Hai et al.');
    // actors from the glossary
    expect(brief.slots.find((s) => s.name === 'positions')!.items.map((i) => i.speaker?.name)).toEqual(['ASEAN', 'European Union', 'African Union']);
  });

  it('en: a trimmed item or a quote is translated under its own text id, not its sentence', () => {
    const news = forumNews();
    const b = selectBrief(news, forumTerms).brief;
    const asked: string[] = [];
    const { brief, missing } = localizeBrief(b, 'en', {
      toHant,
      translate: (id) => {
        asked.push(id);
        return undefined;
      },
      terms: forumTerms,
      meta: news.meta,
    });
    const voices = b.slots.find((s) => s.name === 'voices')!.items;
    for (const v of voices) {
      expect(asked).toContain(v.textId);
      expect(asked).not.toContain(v.segmentIds[0]);
      expect(missing).toContainEqual({ id: v.textId, text: v.text });
    }
    const names = brief.slots.find((s) => s.name === 'voices')!.items.map((i) => i.speaker!.name);
    expect(names).toContain('Zhang Li'); // pinyin for a Chinese name not in the glossary
    expect(names).toContain('António Guterres'); // the glossary's English
    expect(missing).toContainEqual({ id: segmentId('玛丽·旺吉'), text: '玛丽·旺吉' }); // a foreign name goes to translators
    expect(brief.sourceLine).toBe('The Beijing News · Sima Wen · 3 November 2023 · https://example.com/news/1');
  });

  it('en: an item of several segments joins their translations with a space', () => {
    const a = '第一句话。';
    const c = '第二句话很长。';
    const brief: Brief = {
      slug: 'x',
      lang: 'zh-Hans',
      kind: 'report',
      title: '题',
      sourceLine: '',
      terms: [],
      slots: [{ name: 'findings', items: [{ text: a + c, segmentIds: [segmentId(a), segmentId(c)] }] }],
    };
    const tm = new Map([
      [segmentId(a), 'First.'],
      [segmentId(c), 'Second.'],
      [segmentId('题'), 'Title'],
    ]);
    const out = localizeBrief(brief, 'en', { toHant, translate: (id) => tm.get(id), terms: [], meta: { authors: [] } });
    expect(out.brief.slots[0].items[0].text).toBe('First. Second.');
    expect(out.missing).toEqual([]);
  });

  it('splitBySegmentIds recovers any split of a text into segments', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && s.length > 0), { minLength: 1, maxLength: 4 }), (parts) => {
        const ids = parts.map(segmentId);
        const got = splitBySegmentIds(parts.join(''), ids);
        expect(got).toBeDefined();
        expect(got!.map(segmentId)).toEqual(ids);
      }),
    );
  });
});
