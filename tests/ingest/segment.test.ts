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

  it('ends a run-in heading closed by a Latin full stop at a paragraph start, and only there', () => {
    expect(split('4.1. 世界状态. 世界状态（state）是地址和账户状态的映射。')).toEqual(['4.1. 世界状态.', '世界状态（state）是地址和账户状态的映射。']);
    expect(split('挖矿证明. 挖矿证明通过一个随机数来证明付出了计算。')).toEqual(['挖矿证明.', '挖矿证明通过一个随机数来证明付出了计算。']);
    // not inside a sentence, not after Latin text, not in a decimal or a version number
    expect(split('本文使用的数据，见表 3. 表中列出了结果。')).toHaveLength(1);
    expect(split('使用 v2. 版本发布了。')).toHaveLength(1);
    expect(split('增长了 3.5 个百分点。')).toHaveLength(1);
  });

  it('gives stable ids that ignore surrounding white space', () => {
    expect(segmentId(' 和平进程。 ')).toBe(segmentId('和平进程。'));
    expect(segmentId('和平进程。')).not.toBe(segmentId('和平进程！'));
  });
});
