// One salutation detector (ingest/salutation.ts) for the report parser, selection (exclude.ts) and the
// brief checks: the same lines are salutations to all three.
import { describe, expect, it } from 'vitest';
import { isSalutation } from '../../pipeline/ingest/salutation.js';
import { exclusionOf } from '../../pipeline/select/exclude.js';
import { salutation } from '../../pipeline/check/brief/salutation.js';
import type { Brief, Segment, SourceDoc } from '../../pipeline/model.js';

const SALUTATIONS = ['各位代表：', '各位代表！', '同志们、朋友们：', '女士们，先生们：', '尊敬的各位来宾，', '各位媒体朋友大家早安，欢迎参加记者会。', '谢谢大家，我接下来会到讲桌那边去。', '各位来宾，各位现场的好朋友，全体国人同胞，大家好', '很高兴又一次和大家见面。', '非常荣幸今天能与各位见面！'];
const NOT = ['全国人民代表大会常务委员会由下列人员组成：', '有几个数据跟各位报告：', '各位代表审议了政府工作报告，并提出了意见。', '我们思考的脉络是：', '大家好像都同意这个方案。', '很高兴和大家见面后，代表团前往会场参观了展览。'];

describe('salutations', () => {
  it('an address line or a greeting to the room is one, to ingestion, selection and the checks alike', () => {
    for (const t of SALUTATIONS) {
      expect(isSalutation(t), t).toBe(true);
      expect(exclusionOf(t), t).toBe('salutation');
    }
  });
  it('a lead-in that names those addressed, or a sentence about them, is not', () => {
    for (const t of NOT) {
      expect(isSalutation(t), t).toBe(false);
      expect(exclusionOf(t), t).not.toBe('salutation');
    }
  });
  it('the brief check warns on the same lines, and on no other', () => {
    const texts = [...SALUTATIONS, ...NOT];
    const segments: Segment[] = texts.map((text, i) => ({ id: `s${i}`, text, place: { line: i + 2, column: 1 }, footnoteRefs: [] }));
    const doc: SourceDoc = {
      slug: 't',
      kind: 'news',
      meta: { title: '题', authors: [] },
      titleSegments: [],
      sections: [{ id: 'x', level: 1, kind: 'other', heading: '', place: { line: 1, column: 1 }, blocks: [{ type: 'paragraph', segments }], children: [] }],
      footnotes: [],
      tables: [],
      quotes: [],
    };
    const brief: Brief = { slug: 't', lang: 'zh-Hans', kind: 'news', title: '题', sourceLine: '', slots: [{ name: 'keyPoints', items: segments.map((x) => ({ text: x.text, segmentIds: [x.id] })) }], terms: [] };
    const warned = salutation.check(brief, doc, { file: 'source.md' }).map((d) => d.line);
    expect(warned).toEqual(SALUTATIONS.map((_, i) => i + 2));
  });
});
