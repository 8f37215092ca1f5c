import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';

// session 10, fault 1: a title that only names the kind of document (编制说明) is completed from where the
// document names itself.
const read = (md: string) => ingest({ slug: 'made-up', file: 'made-up/source.md', bytes: Buffer.from(md, 'utf8'), format: 'md' }).doc;

describe('a generic title completed from the document', () => {
  it('not-ok: an explanation titled 编制说明 alone takes the name of the work it explains', () => {
    const doc = read('# 编制说明\n\n计划要求对《城市供水设施维护规程 第2部分：泵站》（征求意见稿）进行修订，任务应在年底前完成。\n\n## 一、工作过程\n\n起草组于三月完成初稿，共召开四次会议。\n');
    expect(doc.meta.title).toBe('《城市供水设施维护规程 第2部分：泵站》编制说明');
    expect(doc.titleSegments.map((s) => s.text)).toEqual(['《城市供水设施维护规程 第2部分：泵站》编制说明']);
  });
  it('ok: a notice citing a law in a sentence is not named after the law; a title that names its document stays', () => {
    expect(read('# 通知\n\n根据《中华人民共和国水法》的规定，现就有关事项通知如下。\n\n## 一、范围\n\n各地应当于六月底前完成排查。\n').meta.title).toBe('通知');
    expect(read('# 关于城市供水的说明\n\n对《城市供水条例》作如下说明，供各地参考执行。\n').meta.title).toBe('关于城市供水的说明');
  });
  it('ok: a report titled 报告 alone takes the name a cover line of its own gives', () => {
    expect(read('# 报告\n\n2023年城市供水发展报告\n\n## 一、概况\n\n全年供水总量增长百分之三。\n').meta.title).toBe('2023年城市供水发展报告');
  });
});
