// Whatever text arrives, ingest() returns a document (or refuses it with a UserError when the bytes are
// not text, or the text has no Chinese at all), and every segment points at a real place in the file.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { ingest } from '../../pipeline/ingest/index.js';
import { docSegments, allSections } from '../../pipeline/ingest/walk.js';
import { UserError } from '../../pipeline/diagnostics.js';
import type { SourceDoc, Place } from '../../pipeline/model.js';

const enc = new TextEncoder();
// a fixed seed keeps the suite reproducible; FC_SEED=<n> explores others
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20231101) });
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
const newsSeed = readFileSync('sources/thepaper-2023-xiangshan-forum/source.md', 'utf8');
// a slice of the report keeps each run quick; mutations still reach headings, lists and footnotes
const reportSeed = readFileSync('sources/siis-2025-common-security/source.txt', 'utf8').split('\n').slice(0, 400).join('\n');

function lineCount(text: string): number {
  return text.replace(/\r\n?/g, '\n').split('\n').length;
}

function checkPlaces(doc: SourceDoc, lines: number): void {
  const ok = (p: Place) => {
    expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1).toBe(true);
  };
  for (const { segment } of docSegments(doc)) {
    ok(segment.place);
    expect(typeof segment.id).toBe('string');
  }
  for (const s of allSections(doc.sections)) ok(s.place);
  for (const q of doc.quotes) ok(q.place);
  for (const f of doc.footnotes) ok(f.place);
  for (const t of doc.tables) ok(t.place);
}

function run(text: string, format: 'md' | 'txt'): void {
  // text without one Chinese character is refused by design (ingest:no-chinese), located
  if (!/\p{Script=Han}/u.test(text) && /\S/.test(text)) {
    expect(() => ingest({ slug: 'p', file: `p.${format}`, bytes: enc.encode(text), format })).toThrow(UserError);
    return;
  }
  const { doc } = ingest({ slug: 'p', file: `p.${format}`, bytes: enc.encode(text), format });
  expect(doc.kind).toBe(format === 'md' ? 'news' : 'report');
  checkPlaces(doc, lineCount(text));
}

const formats = fc.constantFrom<'md' | 'txt'>('md', 'txt');
/** Text with no control characters (those are refused as binary by design; see the bytes property). */
const textChar = fc.oneof(
  fc.constantFrom(...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质声越今制领土共候'),
  fc.constantFrom('，', '。', '：', '“', '”', '「', '」', '、', '（', '）', '·', ' ', '\n', '\n\n', '*', '**', '#', '-', '1.', '>', '|', '[', ']', '(', ')', '!', '`', '<', '>', '_', '\t', '\f', '⻄', '⼤', '\u00a0', '\ufeff'),
  fc.string({ unit: 'grapheme', maxLength: 3 }).map((x) => x.replace(CONTROLS, '')),
);
const randomText = fc.array(textChar, { maxLength: 200 }).map((a) => a.join(''));

const mdLine = fc.oneof(
  fc.constantFrom('# 标题', '## 小节', '**加粗小标题**', '**澎湃新闻记者 张三**', '记者 李四', '文/王五', '2023-11-01 00:15', '2024年1月2日', 'https://example.org/x',
    '![](https://example.org/a.jpg)', '![图](x.png)', '新华社 图', '张三表示：“我们会继续努力。”', '“这是一个很长的直接引语，没有说话人。”', '“短”', '他说，“好的。”',
    '- 条目', '1. 第一', '> 引用', '| a | b |', '| --- | --- |', '| 1 | 2 |', '[^1]: 注释 https://x.org', '文字[^1]', '<div>html</div>', '```', '---', 'title: x',
    '一是加强合作，二是扩大开放。', '责任编辑：赵六', '（完）', '', ''),
  randomText,
);
const reportLine = fc.oneof(
  fc.constantFrom('摘要', '一、总体形势', '（一）具体问题', '第一章 概述', '1. 编号', '表 1 数据', '注释：', '① 注释内容 https://example.org', '- 2 -', '上海国际问题研究院',
    '作者：张三', '2025年7月', '总第45期', '一是坚持原则；二是灵活处理。', '首先，其次，最后。', '\f', '', '目  录', '参考文献'),
  randomText,
);
const soup = (line: fc.Arbitrary<string>) => fc.array(line, { maxLength: 60 }).map((l) => l.join('\n'));

type Mutation = { op: 'delete' | 'dup' | 'swap' | 'insert'; at: number; to: number; s: string };
const mutation = fc.record({
  op: fc.constantFrom<Mutation['op']>('delete', 'dup', 'swap', 'insert'),
  at: fc.nat(),
  to: fc.nat(),
  s: fc.string({ unit: 'grapheme', maxLength: 8 }).map((x) => x.replace(CONTROLS, '')),
});
function mutate(text: string, muts: Mutation[]): string {
  const lines = text.split('\n');
  for (const m of muts) {
    if (!lines.length) lines.push('');
    const i = m.at % lines.length;
    const j = m.to % lines.length;
    if (m.op === 'delete') lines.splice(i, 1);
    else if (m.op === 'dup') lines.splice(i, 0, lines[i]);
    else if (m.op === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
    else {
      const l = lines[i];
      const k = m.to % (l.length + 1);
      lines[i] = l.slice(0, k) + m.s + l.slice(k);
    }
  }
  return lines.join('\n');
}

describe('ingest never throws on text', () => {
  it('random strings, both formats', () => {
    fc.assert(fc.property(randomText, formats, (t, f) => run(t, f)), { numRuns: 150 });
  });

  it('Markdown-ish line soups', () => {
    fc.assert(fc.property(soup(mdLine), formats, (t, f) => run(t, f)), { numRuns: 120 });
  });

  it('report-ish line soups', () => {
    fc.assert(fc.property(soup(reportLine), formats, (t, f) => run(t, f)), { numRuns: 120 });
  });

  it('mutations of the news seed', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (m) => run(mutate(newsSeed, m), 'md')), { numRuns: 40 });
  });

  it('mutations of the report seed', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (m) => run(mutate(reportSeed, m), 'txt')), { numRuns: 25 });
  });
});

describe('arbitrary bytes', () => {
  it('are read or refused with a UserError, never anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), formats, (bytes, format) => {
        try {
          const { doc } = ingest({ slug: 'b', file: 'b', bytes, format });
          expect(Array.isArray(doc.sections)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
          expect((e as UserError).diagnostics[0].source).toBe('ingest');
        }
      }),
      { numRuns: 200 },
    );
  });
});
