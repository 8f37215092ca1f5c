import { describe, expect, it } from 'vitest';
import { Located } from '../../pipeline/ingest/located.js';
import { splitEnumeration } from '../../pipeline/ingest/enumerations.js';

const split = (s: string) => {
  const e = splitEnumeration(Located.from(s, 0));
  return e && { style: e.style, lead: e.lead.text, items: e.items.map((i) => [i.marker, i.body.text]) };
};

describe('splitEnumeration', () => {
  it('finds 一是…二是…三是…', () => {
    expect(split('我们建议：一是加强合作；二是扩大开放；三是深化改革。')).toEqual({
      style: 'yishi',
      lead: '我们建议：',
      items: [['一是', '加强合作'], ['二是', '扩大开放'], ['三是', '深化改革。']],
    });
  });
  it('finds 第一，…第二，…', () => {
    expect(split('第一，坚持原则；第二，灵活处理。')?.items).toEqual([['第一', '坚持原则'], ['第二', '灵活处理。']]);
  });
  it('finds 首先…其次…最后…', () => {
    const e = split('对此，首先，要稳定。其次，要发展。最后，要合作。');
    expect(e?.style).toBe('shouxian');
    expect(e?.lead).toBe('对此');
    expect(e?.items.map((i) => i[0])).toEqual(['首先', '其次', '最后']);
  });
  it('finds （1）（2） and inline 1，2，', () => {
    expect(split('措施包括（1）减税；（2）降费。')?.items).toEqual([['（1）', '减税'], ['（2）', '降费。']]);
    expect(split('主要有：1，提高效率；2，降低成本。')?.items).toEqual([['1', '提高效率'], ['2', '降低成本。']]);
  });
  it('does not fire on ordinary words', () => {
    expect(split('第一次会议召开。第二天结束。')).toBeUndefined();
    expect(split('一是一，二是二。')).toBeUndefined();
    expect(split('首先要明确目标。')).toBeUndefined();
    expect(split('国家统一是大局，唯一是目标。')).toBeUndefined();
    expect(split('增长3.5%，其中1.2个百分点。')).toBeUndefined();
    expect(split('一是加强合作。')).toBeUndefined();
  });
  it('requires the items in sequence', () => {
    expect(split('二是扩大开放；三是深化改革。')).toBeUndefined();
    expect(split('一是加强合作；三是深化改革。')).toBeUndefined();
  });
  it('keeps offsets of item bodies', () => {
    const e = splitEnumeration(Located.from('一是甲；二是乙。', 50))!;
    expect(e.items[1].body.start).toBe(50 + 6);
  });
});

describe('leadingMarker and minItems', () => {
  it('reads the marker a paragraph starts with', async () => {
    const { leadingMarker } = await import('../../pipeline/ingest/enumerations.js');
    expect(leadingMarker('二是扩大开放。')).toMatchObject({ style: 'yishi', value: 2, marker: '二是' });
    expect(leadingMarker('第三，坚持。')).toMatchObject({ style: 'diyi', value: 3, marker: '第三' });
    expect(leadingMarker('第三次会议')).toBeUndefined();
    expect(leadingMarker('统一是大局')).toBeUndefined();
  });
  it('accepts a single item when asked', () => {
    const e = splitEnumeration(Located.from('从长远看：一是丰富路径。', 0), { minItems: 1 });
    expect(e?.lead.text).toBe('从长远看：');
    expect(e?.items.map((i) => i.body.text)).toEqual(['丰富路径。']);
  });
});
