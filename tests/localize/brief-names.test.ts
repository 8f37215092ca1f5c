// The English brief's speakers: a name or role the Chinese writes in Latin letters is its own English;
// one in Chinese needs a translation (or the glossary, or pinyin for a voice's personal name).
import { describe, expect, it } from 'vitest';
import { localizeBrief } from '../../pipeline/localize/brief.js';
import { segmentId } from '../../pipeline/ingest/segment.js';
import type { Brief } from '../../pipeline/model.js';

const brief = (speakers: { name: string; role?: string }[]): Brief => ({
  slug: 't',
  lang: 'zh-Hans',
  kind: 'news',
  title: '访谈',
  sourceLine: '',
  slots: [{ name: 'voices', items: speakers.map((speaker, k) => ({ text: `第${k}句话。`, segmentIds: [segmentId(`第${k}句话。`)], speaker })) }],
  terms: [],
});

describe('speakers in the English brief', () => {
  it('keeps a role or name written in Latin letters as it is, and asks for the English of one in Chinese', () => {
    const english = new Map([[segmentId('访谈'), 'Interview'], ...[0, 1, 2].map((k) => [segmentId(`第${k}句话。`), `Sentence ${k}.`] as [string, string])]);
    const asked: string[] = [];
    const en = localizeBrief(brief([{ name: '丁宁', role: 'INP' }, { name: '刘超', role: 'Atypical Ventures' }, { name: 'Jensen Huang', role: '英伟达的老板' }]), 'en', {
      toHant: (s) => s,
      terms: [],
      meta: { authors: [] },
      translate: (id, text) => {
        asked.push(text);
        return english.get(id);
      },
    });
    const speakers = en.brief.slots[0].items.map((i) => i.speaker);
    expect(speakers).toEqual([
      { name: 'Ding Ning', role: 'INP' },
      { name: 'Liu Chao', role: 'Atypical Ventures' },
      { name: 'Jensen Huang', role: '英伟达的老板' },
    ]);
    expect(asked).not.toContain('INP');
    expect(en.missing.map((m) => m.text)).toEqual(['英伟达的老板']);
  });
});
