// Run-in headings and slogans (select/headline.ts) are never a policy text's summary or findings; without
// a 摘要, its preamble (what the text is and why) leads the summary.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { collectUnits } from '../../pipeline/select/units.js';
import { headlines } from '../../pipeline/select/headline.js';

const read = (text: string) => ingest({ slug: 't', file: 'source.txt', bytes: new TextEncoder().encode(text), format: 'txt' }).doc;

const PREAMBLE = '推进社区养老服务，是应对人口老龄化的重大举措，是保障和改善民生的重要任务，关系千家万户的切身利益。';
const TEXT = [
  '某市关于推进社区养老服务的意见',
  PREAMBLE + '现就推进社区养老服务提出如下意见。',
  '一、推进社区养老服务的重大意义',
  '社区养老，服务便利是重点。老年人大多希望在熟悉的环境中养老，社区是提供照料、医疗和陪伴服务最便利的地方，各区要把社区养老服务纳入民生实事统筹推进。',
  '近年来，全市社区养老服务设施覆盖率明显提高，助餐、助浴、日间照料等服务逐步普及，但专业护理人员不足、服务质量参差不齐的问题依然突出。',
  '二、主要任务',
  '（一）加强养老服务设施建设。新建住宅小区应当按标准配建养老服务用房，老旧小区通过改造补齐养老服务设施，闲置的公共用房优先用于社区养老。',
  '（二）大力培育养老护理人员。将养老护理纳入职业技能培训补贴范围，鼓励职业院校开设养老服务专业，提高护理人员的薪酬待遇和职业认同。',
  '（三）完善社区医养结合机制。推动社区卫生服务中心与养老服务机构签约合作，为失能老年人提供上门巡诊、康复护理和家庭病床服务。',
  '三、保障措施',
  '社区养老，资金保障是前提。各级财政要加大对社区养老服务的投入，统筹使用福利彩票公益金，引导社会资本参与社区养老服务设施建设和运营。',
  '社区养老，队伍建设是关键。各区要建立养老服务人才激励机制，对长期从事护理工作的人员给予岗位补贴，并在职称评定上予以倾斜。',
  '',
].join('\n');

describe('run-in headings and slogans', () => {
  it('are found from structure: a numbered paragraph’s short first sentence, and short sentences opening alike', () => {
    const units = collectUnits(read(TEXT));
    const found = [...headlines(units)].map(([u, why]) => `${why}: ${u.segment.text}`);
    expect(found).toContain('run-in heading: 加强养老服务设施建设。');
    expect(found).toContain('slogan: 社区养老，服务便利是重点。');
    expect(found).toContain('slogan: 社区养老，队伍建设是关键。');
    // a sentence with a clause of its own, or a short one whose opening no other shares, is neither
    expect(found.some((f) => f.includes('近年来') || f.includes('推进社区养老服务，是'))).toBe(false);
  });
  it('are not the summary nor a finding; the preamble leads the summary', () => {
    const { brief } = selectBrief(read(TEXT), []);
    const slot = (n: string) => brief.slots.find((s) => s.name === n)?.items.map((i) => i.text) ?? [];
    expect(slot('bottomLine')[0]).toBe(PREAMBLE);
    const stated = [...slot('bottomLine'), ...slot('findings')];
    expect(stated.some((t) => /^社区养老，|^(?:加强养老服务设施建设|大力培育养老护理人员|完善社区医养结合机制)。$/.test(t))).toBe(false);
  });
});
