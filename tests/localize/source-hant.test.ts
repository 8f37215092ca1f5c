// A source written in Traditional characters: its zh-Hant brief quotes the source's own characters, with
// only the glossary's forms and the punctuation style applied; zh-Hans is the converted text.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sourceHantConverter } from '../../pipeline/localize/source-hant.js';
import { toSimplified } from '../../pipeline/ingest/script.js';
import { createHantConverter } from '../../pipeline/localize/hant.js';
import { briefs, repo } from '../e2e/helpers.js';

const ORIGINAL = '台灣當局宣布，將於明年起調整電動車補貼政策。他說：“這項措施會影響數十萬名車主。”';

describe('sourceHantConverter', () => {
  const simplified = toSimplified(ORIGINAL);
  const convert = createHantConverter();
  const hant = sourceHantConverter({ original: ORIGINAL, simplified, convert, terms: [] });

  it('gives back the source’s own characters for text the source holds', () => {
    expect(simplified).toContain('台湾');
    // the converter alone would write the Taiwan standard forms, not the source's
    expect(convert('台湾当局宣布')).not.toBe('台灣當局宣布');
    expect(hant('台湾当局宣布，将于明年起调整电动车补贴政策。')).toBe('台灣當局宣布，將於明年起調整電動車補貼政策。');
  });

  it('applies the converter’s punctuation style', () => {
    expect(hant('他说：“这项措施会影响数十万名车主。”')).toBe('他說：「這項措施會影響數十萬名車主。」');
  });

  it('converts what the source does not hold', () => {
    expect(hant('要点')).toBe(convert('要点'));
  });

  it('lets the glossary’s zh-Hant form win', () => {
    const withTerm = sourceHantConverter({
      original: ORIGINAL,
      simplified,
      convert,
      terms: [{ id: 't', 'zh-Hans': '补贴政策', 'zh-Hant': '補助政策', en: 'subsidy policy', variants: {}, forbidden: {}, category: 'concept' } as never],
    });
    expect(withTerm('将于明年起调整电动车补贴政策。')).toBe('將於明年起調整電動車補助政策。');
  });
});

describe('a Traditional source built end to end', () => {
  it('zh-Hant quotes the source, zh-Hans is Simplified', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-hant-src-'));
    mkdirSync(path.join(dir, 'sources', 'tw-news'), { recursive: true });
    for (const d of ['glossary', 'templates']) cpSync(path.join(repo, d), path.join(dir, d), { recursive: true });
    writeFileSync(
      path.join(dir, 'sources', 'tw-news', 'source.md'),
      [
        '# 台灣宣布調整電動車補貼政策',
        '',
        '記者 王大明 台北報導',
        '',
        '台灣當局宣布，將於明年起調整電動車補貼政策，補貼金額將依車價分級發放。這項調整預計影響數十萬名車主。',
        '',
        '交通部官員表示，新制度將使補貼更集中於中低價位車款，並鼓勵民眾汰換老舊機車。',
        '',
        '業者認為，這項措施有助於擴大國內電動車市場，但也提醒政府應加快充電設施建設。',
        '',
      ].join('\n'),
    );
    const r = briefs(dir, ['build', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const hant = readFileSync(path.join(dir, 'out', 'tw-news', 'tw-news.zh-Hant.md'), 'utf8');
    const hans = readFileSync(path.join(dir, 'out', 'tw-news', 'tw-news.zh-Hans.md'), 'utf8');
    expect(hans).toContain('台湾宣布调整电动车补贴政策');
    expect(hant).toContain('台灣宣布調整電動車補貼政策');
    expect(hant).not.toMatch(/臺灣|宣佈/);
  });
});
