import { describe, expect, it } from 'vitest';
import { mineNgrams } from '../../pipeline/glossary/mine.js';
import { conceptSpecificity, isSentencePiece, missingConcepts, namesActor } from '../../pipeline/select/terms.js';
import { CONCEPT_DF } from '../../pipeline/select/data/concept-df.js';

// issue #14, point 5 (session 11): the key terms the glossary lacks are the text's own concepts —
// 个人信息 and 个人信息处理者 of a data-protection law, 小微企业 of a work report — not a phrase that every
// law or every official text uses (行政法规, 社会主义), nor a verb and its object (取得个人).
const piece = (text: string, line: number) => ({ text, line, column: 1 });
const ngrams = (texts: string[]) => mineNgrams([{ slug: 'd', pieces: texts.map(piece) }], { minCount: 5 }).map((c) => c['zh-Hans']);

describe('mined n-grams at a grammar character', () => {
  it('not-ok: a word that begins with a character that also serves grammar (个 of 个人信息) is proposed', () => {
    const verbs = ['收集', '存储', '使用', '加工', '传输', '提供'];
    expect(ngrams(verbs.map((v) => `企业${v}个人信息，须经同意。`))).toContain('个人信息');
  });
  it('ok: a gram that opens on a grammar word standing alone (和数据, 个国家 of 一个国家) is not', () => {
    const got = ngrams(['农业', '工业', '交通', '能源', '教育', '卫生'].map((w) => `推动${w}和数据融合，建设一个国家平台。`));
    expect(got.filter((g) => g.startsWith('和') || g.startsWith('个'))).toEqual([]);
  });
});

describe('how specific a missing concept is', () => {
  // 知识产权: a phrase many of the shipped documents use (data/concept-df.ts), whatever its subject
  const common = '知识产权';
  it('weighs a phrase most shipped documents use below one few use, on the 0.5–1 scale', () => {
    const most = CONCEPT_DF.phrases[Math.max(...Object.keys(CONCEPT_DF.phrases).map(Number))].split(' ')[0];
    expect(conceptSpecificity(most)).toBeLessThan(0.7);
    expect(conceptSpecificity(most)).toBeGreaterThanOrEqual(0.5);
    expect(conceptSpecificity(common)).toBeLessThan(0.85);
    expect(conceptSpecificity('量子隧穿显微术')).toBe(1);
  });
  it('not-ok: a rarer concept outranks a phrase many texts use at a similar count', () => {
    const heads = ['关于', '对于', '针对', '涉及', '围绕', '根据', '按照'];
    const texts = [...heads.map((h) => `${h}${common}，各方已有共识。`), ...heads.slice(0, 6).map((h) => `${h}蓝藻水华，各方已有共识。`)];
    const got = missingConcepts('d', texts.map(piece), [], 10).map((m) => m.text);
    expect(got).toContain(common);
    expect(got.indexOf('蓝藻水华')).toBeGreaterThanOrEqual(0);
    expect(got.indexOf('蓝藻水华')).toBeLessThan(got.indexOf(common));
  });
});

describe('the one who acts on a concept', () => {
  it('not-ok: is a concept of its own beside the concept (个人信息处理者 beside 个人信息)', () => {
    expect(namesActor('个人信息处理者', '个人信息')).toBe(true);
    expect(namesActor('数据安全保护', '数据安全')).toBe(false);
    const verbs = ['收集', '存储', '使用', '加工', '传输', '提供', '公开', '删除'];
    const duties = ['告知本人', '取得同意', '记录在案', '采取措施', '指定专人', '定期审计', '评估影响', '通知部门'];
    const texts = verbs.map((v, i) => `${v}个人信息的，个人信息处理者${duties[i]}。`);
    const got = missingConcepts('d', texts.map(piece), [], 10).map((m) => m.text);
    expect(got).toContain('个人信息');
    expect(got).toContain('个人信息处理者');
  });
});

describe('a piece of a sentence, not a term', () => {
  it('not-ok: a verb phrase, a determiner, a list, a function word, a unit (加快发展, 有关部门, 企业等经营主体, 会比较, 平方公里)', () => {
    for (const t of ['加快发展', '扎实推进', '加强农村', '取得个人', '相关业务', '有关部门', '企业等经营主体', '王等人', '会比较', '要坚持', '雇主因歇业', '处理或利用', '打造一个', '参与进来', '接触到', '平台内', '毕业后', '本市建立', '由中央主管机关', '平方公里'])
      expect(isSentencePiece(t), t).toBe(true);
  });
  it('ok: a term whose characters also serve grammar elsewhere (促进会, 高等教育, 平等, 社会保障, 不动产, 实施细则)', () => {
    for (const t of ['促进会', '高等教育', '平等原则', '社会保障', '不动产', '实施细则', '小微企业', '个人信息', '自然人', '可持续发展', '要素市场', '公里数'])
      expect(isSentencePiece(t), t).toBe(false);
  });
});
