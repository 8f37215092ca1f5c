import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import OpenCC from 'opencc-js/cn2t';
import { createHantConverter, convertQuotes } from '../../pipeline/localize/hant.js';
import type { Term } from '../../pipeline/model.js';

const FIX = 'tests/fixtures/localize/opencc/';

interface OccCase {
  id: string;
  input: string;
  expected: Record<string, string>;
}

const data = JSON.parse(readFileSync(FIX + 'testcases-s2tw-s2hk.json', 'utf8')) as { cases: OccCase[] };
/** Official cases an override of ours changes on purpose: none so far (each would be listed with its reason). */
const EXCLUDED: Record<string, string> = {};

describe('OpenCC published cases through our converter (quotes off, no terms, overrides on)', () => {
  for (const cfg of ['s2tw', 's2hk'] as const) {
    const variant = cfg === 's2tw' ? 'tw' : 'hk';
    const cases = data.cases.filter((c) => c.expected[cfg] !== undefined && !EXCLUDED[`${c.id}/${cfg}`]);
    it(`${cfg}: ${cases.length} cases`, () => {
      expect(cases.length).toBeGreaterThan(10);
      const conv = createHantConverter({ variant, quotes: false });
      for (const c of cases) expect(conv(c.input), `${c.id} (${cfg})`).toBe(c.expected[cfg]);
    });
    it(`${cfg}.in → ${cfg}.ans (line files)`, () => {
      const conv = createHantConverter({ variant, quotes: false });
      const input = readFileSync(FIX + `${cfg}.in`, 'utf8');
      const ans = readFileSync(FIX + `${cfg}.ans`, 'utf8').replace(/\n$/, '');
      expect(input.split('\n').map(conv).join('\n')).toBe(ans);
    });
  }
});

function term(hans: string, hant: string, en: string): Term {
  return { id: en.toLowerCase().replace(/\W+/g, '-'), 'zh-Hans': hans, 'zh-Hant': hant, en, variants: {}, forbidden: {}, category: 'other' };
}

describe('project overrides and glossary terms', () => {
  it('peace process stays 進程 (s2twp would write 程序)', () => {
    const twp = OpenCC.Converter({ from: 'cn', to: 'twp' });
    expect(twp('和平进程')).toBe('和平程序'); // why we do not use s2twp
    expect(createHantConverter()('推动和平进程')).toBe('推動和平進程');
    expect(createHantConverter({ variant: 'hk' })('推动和平进程')).toBe('推動和平進程');
    expect(createHantConverter()('现代化进程和一体化进程')).toBe('現代化進程和一體化進程');
  });

  it('policy words keep their policy sense, with Taiwan usage where it is safe', () => {
    const tw = createHantConverter({ quotes: false });
    expect(tw('法律程序')).toBe('法律程序');
    expect(tw('政策文件')).toBe('政策文件');
    expect(tw('合作对象')).toBe('合作對象');
    expect(tw('支持和平')).toBe('支持和平');
    expect(tw('发布报告')).toBe('發佈報告');
    expect(tw('信息网络')).toBe('資訊網路');
    expect(tw('软件和芯片')).toBe('軟體和晶片');
    const hk = createHantConverter({ variant: 'hk', quotes: false });
    expect(hk('信息网络')).toBe('信息網絡');
  });

  it('glossary names are written in their zh-Hant form, and beat overrides', () => {
    const terms = [term('泽连斯基', '澤倫斯基', 'Zelensky'), term('香山论坛', '香山論壇', 'Xiangshan Forum'), term('信息', '訊息', 'information')];
    const conv = createHantConverter({ terms });
    expect(conv('泽连斯基出席香山论坛')).toBe('澤倫斯基出席香山論壇');
    expect(conv('信息')).toBe('訊息');
    // longest match: a longer override/term wins over a shorter one inside it
    expect(createHantConverter({ terms: [term('和平', '和平X', 'peace')] })('和平进程')).toBe('和平進程');
  });

  it('text around a protected span is converted with its context', () => {
    const conv = createHantConverter({ terms: [term('安全', '安全', 'security')], quotes: false });
    // 发 next to a protected span still gets its phrase reading
    expect(conv('头发安全')).toBe('頭髮安全');
    expect(conv('安全头发')).toBe('安全頭髮');
  });

  it('quotation marks become 「」『』, apostrophes in Latin words stay', () => {
    const conv = createHantConverter();
    expect(conv('他说：“我们要‘共同安全’。”')).toBe('他說：「我們要『共同安全』。」');
    expect(convertQuotes('China’s “rise”')).toBe('China’s 「rise」');
    expect(createHantConverter({ quotes: false })('“安全”')).toBe('“安全”');
    expect(createHantConverter({ variant: 'hk' })('“安全”')).toBe('「安全」');
  });

  it('converters are cached by options', () => {
    const terms: Term[] = [];
    expect(createHantConverter({ terms })).toBe(createHantConverter({ terms }));
    expect(createHantConverter({ variant: 'hk' })).not.toBe(createHantConverter({ variant: 'tw' }));
  });
});

describe('briefs hant', () => {
  it('converts stdin line by line', () => {
    const out = execFileSync(process.execPath, ['bin/briefs.js', '--glossary', 'tests/fixtures/localize/no-glossary', 'hant', '-'], {
      input: '推动和平进程\n“共同安全”\n',
      encoding: 'utf8',
    });
    expect(out).toBe('推動和平進程\n「共同安全」\n');
  });
  it('--variant hk --no-quotes', () => {
    const out = execFileSync(process.execPath, ['bin/briefs.js', '--glossary', 'tests/fixtures/localize/no-glossary', 'hant', '--variant', 'hk', '--no-quotes', '-'], {
      input: '“信息”卫星\n',
      encoding: 'utf8',
    });
    expect(out).toBe('“信息”衞星\n');
  });
});
