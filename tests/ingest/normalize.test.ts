import { describe, expect, it } from 'vitest';
import { Located } from '../../pipeline/ingest/located.js';
import { normalizeChinese, normalizeText } from '../../pipeline/ingest/normalize.js';

describe('normalizeText', () => {
  it('makes half-width punctuation next to Chinese full-width', () => {
    expect(normalizeText('中国, 美国和欧洲:合作;发展(一)好吗?好!')).toBe('中国，美国和欧洲：合作；发展（一）好吗？好！');
  });
  it('leaves Latin text, numbers and URLs alone', () => {
    expect(normalizeText('Hello, world (yes): ok; right?')).toBe('Hello, world (yes): ok; right?');
    expect(normalizeText('共1,000人,增长3.5%')).toBe('共1,000人，增长3.5%');
    expect(normalizeText('时间10:30开始')).toBe('时间10:30开始');
    expect(normalizeText('见https://example.org/a?b=1,2&c=(3)')).toBe('见https://example.org/a?b=1,2&c=(3)');
  });
  it('never turns full-width punctuation into half-width', () => {
    expect(normalizeText('He said：“好”，yes')).toBe('He said：“好”，yes');
  });
  it('converts brackets in pairs when their content is Chinese', () => {
    expect(normalizeText('联合国(UN)和欧盟')).toBe('联合国（UN）和欧盟');
    expect(normalizeText('see (note) here')).toBe('see (note) here');
  });
  it('maps Kangxi radicals and supplement radicals to ideographs', () => {
    expect(normalizeText('⻄⽅⼤国⾼度关⼼⽩宫⻓期')).toBe('西方大国高度关心白宫长期');
  });
  it('maps full-width letters and digits to ASCII', () => {
    expect(normalizeText('ＮＡＴＯ成立于１９４９年')).toBe('NATO成立于1949年');
  });
});

describe('normalizeChinese', () => {
  it('keeps offsets of the characters it keeps', () => {
    const loc = normalizeChinese(Located.from('中国 , 美国', 100));
    expect(loc.text).toBe('中国，美国');
    expect(Array.from(loc.offs)).toEqual([100, 101, 103, 105, 106]);
  });
  it('returns the same text when nothing changes', () => {
    const loc = Located.from('没有需要改的文字。', 0);
    expect(normalizeChinese(loc).text).toBe(loc.text);
  });
});
