import { describe, it, expect } from 'vitest';
import { Located } from '../../pipeline/ingest/located.js';
import { splitSentences, segmentId } from '../../pipeline/ingest/segment.js';

const split = (t: string) => splitSentences(Located.from(t, 0)).map((l) => l.text);

describe('splitSentences', () => {
  it('splits at Chinese terminal punctuation and keeps closing quotes with their sentence', () => {
    expect(split('第一句。第二句！“第三句？”第四句')).toEqual(['第一句。', '第二句！', '“第三句？”', '第四句']);
  });

  it('does not split inside a short quotation', () => {
    expect(split('他说：“我们准备好了。现在就开始。”会议随后结束。')).toEqual(['他说：“我们准备好了。现在就开始。”', '会议随后结束。']);
  });

  it('keeps a short attribution after a closing quote with the quoted sentence', () => {
    expect(split('“这种僵局会一直持续下去。但这可能需要一年。”西维茨基说道。另一句。')).toEqual([
      '“这种僵局会一直持续下去。但这可能需要一年。”西维茨基说道。',
      '另一句。',
    ]);
    expect(split('“标准要先行。”全国政协委员、某大学教授王五说。')).toHaveLength(1);
  });

  it('does not swallow a following sentence that is not an attribution', () => {
    expect(split('“标准要先行。”这一观点得到广泛认同，各方随后展开讨论，形成了一致意见。')).toHaveLength(2);
  });

  it('splits Latin sentences at ". " before a capital', () => {
    expect(split('It rained. Then it stopped.')).toEqual(['It rained.', 'Then it stopped.']);
  });

  it('gives stable ids that ignore surrounding white space', () => {
    expect(segmentId(' 和平进程。 ')).toBe(segmentId('和平进程。'));
    expect(segmentId('和平进程。')).not.toBe(segmentId('和平进程！'));
  });
});
