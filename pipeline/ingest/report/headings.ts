// Heading lines: 摘要, 致谢, 前言/结语, 名词解释/附录, 第一章, 1.1 标题 (title on the same or the next line), 一、标题, （一）标题.
// A heading line is short and has no terminal punctuation; numbered paragraphs (一是…) are not headings.
import type { SectionKind } from '../../model.js';

/** 'layout': a line the reader's layout shows as a heading (a PDF's larger type), with no number or name that says so. */
export type HeadingType = 'named' | 'chapter' | 'numeral' | 'paren' | 'decimal' | 'layout';

export interface HeadingMatch {
  type: HeadingType;
  kind: SectionKind;
  /** Number as written without brackets: 第一章 → 第一章, 一、 → 一, （一） → 一 */
  number?: string;
  /** Heading text without the number ('' when the title stands on the next line). */
  title: string;
  /** Offset of the title within the line text. */
  titleAt: number;
  /**
   * A run-in heading ("（一）建立共享标准。建议依托…"): the heading is the first sentence, and the body
   * starts on the same line at this offset (after the full stop).
   */
  bodyAt?: number;
}

const MAX_HEADING = 50;
const CN_NUM = '[一二三四五六七八九十百零〇]{1,4}';

/** The heading of a reference list (参考文献, References): back matter, and no footnotes after it. */
export const REFERENCES_RE = /^(?:(?:主\s*要\s*)?参\s*考\s*文\s*献|References|Bibliography)$/i;

const NAMED: [RegExp, SectionKind][] = [
  [/^(?:内容|执行|报告)?(?:摘\s*要|提\s*要|概\s*要)$|^Abstract$|^Executive Summary$/i, 'abstract'],
  [/^(?:致\s*谢|鸣\s*谢|谢\s*辞)$|^Acknowledge?ments$/i, 'acknowledgements'],
  [/^(?:前\s*言|序\s*言|引\s*言|导\s*言|导\s*论|引\s*论|绪\s*论|序)$|^(?:Preface|Introduction|Foreword)$/i, 'preface'],
  [/^(?:结\s*语|结\s*论|结\s*束\s*语|结\s*论\s*与\s*建\s*议|余\s*论)$|^Conclusions?$/i, 'conclusion'],
  [/^(?:名\s*词\s*(?:解\s*释|注\s*释|说\s*明)|附\s*录(?:\s*[一二三四五六七八九十0-9]{1,3})?|作\s*者\s*简\s*介[：:]?)$|^(?:Glossary|Appendix(?:\s+\w+)?)$/i, 'notes'],
  [REFERENCES_RE, 'notes'],
];

const CHAPTER = new RegExp(`^(第\\s*(?:${CN_NUM}|[0-9]{1,2})\\s*[章部篇](?:分)?)(?:[\\s\\u3000：:、.]*)(.*)$`);
const NUMERAL = new RegExp(`^(${CN_NUM})\\s*[、．.]\\s*(.+)$`);
/** 第一、标题: an ordinal with the enumeration comma, as speeches number their parts (第一，… is a paragraph's enumeration). */
const ORDINAL_NUMERAL = new RegExp(`^(第${CN_NUM})、\\s*(.+)$`);
/** 1、标题: Arabic numbers with the enumeration comma, as research briefs number their sections. */
const ARABIC_NUMERAL = /^([0-9]{1,2})、\s*(.+)$/;
/** "摘要：…" — the abstract's label and its text on one line. */
const INLINE_NAMED = /^(?:【\s*((?:内容)?(?:摘\s*要|提\s*要))\s*】|((?:内容)?(?:摘\s*要|提\s*要))\s*[：:])\s*(?=\S)/;
const PAREN = new RegExp(`^[（(]\\s*(${CN_NUM})\\s*[）)]\\s*(.+)$`);
/** 1.1 标题, 2.3　标题: a numbered section (the number, a space, then a title that is not a quantity). */
const DECIMAL = /^([0-9]{1,2}\.[0-9]{1,2})[\s\u3000]+(?![万亿千百%‰个年月日吨元])(.+)$/;

/**
 * "2. 区块链范式", "4.1. 世界状态": a number closed by a Latin full stop, then a short Chinese name with
 * no punctuation at all, alone on its line (a paper typeset in LaTeX). A numbered list item says more,
 * or is punctuated; this is a heading, not the first words of the paragraph below it.
 */
const DOTTED = /^([0-9]{1,2}(?:\.[0-9]{1,2}){0,2})\.[\s\u3000]+(\p{Script=Han}[^，。；：！？,;:!?、“”（）()]{1,19})$/u;

function plausibleTitle(t: string): boolean {
  if (!t || t.length > MAX_HEADING) return false;
  if (/[。；;，,！!？?：:、]$/.test(t)) return false;
  // an enumeration written as a paragraph: 一是…, 二要…
  if (/^[是要]/.test(t)) return false;
  return true;
}

/** A numbered part whose name says it is back matter (第四部分 名词解释, 第五章 附录): notes, not content. */
function backMatter(title: string): boolean {
  return NAMED.some(([re, kind]) => kind === 'notes' && re.test(title));
}

export function matchHeading(text: string): HeadingMatch | undefined {
  const t = text.replace(/^\*\*(.*)\*\*$/, '$1').trim();
  if (!t || t.length > MAX_HEADING + 8) return undefined;
  for (const [re, kind] of NAMED) if (re.test(t)) return { type: 'named', kind, title: t.replace(/\s+|[：:]$/g, ''), titleAt: 0 };
  const inline = INLINE_NAMED.exec(t);
  if (inline) return { type: 'named', kind: 'abstract', title: (inline[1] ?? inline[2]).replace(/\s+/g, ''), titleAt: 0, bodyAt: inline[0].length };
  let m = CHAPTER.exec(t);
  if (m) {
    const title = m[2].trim();
    if (title && !plausibleTitle(title)) return undefined;
    return { type: 'chapter', kind: backMatter(title) ? 'notes' : 'chapter', number: m[1].replace(/\s+/g, ''), title, titleAt: t.length - m[2].length };
  }
  m = NUMERAL.exec(t) ?? ARABIC_NUMERAL.exec(t);
  if (m) return numbered('numeral', 'chapter', m, t);
  m = ORDINAL_NUMERAL.exec(t);
  if (m && plausibleTitle(m[2].trim()) && !/[。！？!?；;，,]/.test(m[2])) return numbered('numeral', 'chapter', m, t);
  m = PAREN.exec(t);
  if (m) return numbered('paren', 'section', m, t);
  m = DOTTED.exec(t);
  if (m) return { type: 'decimal', kind: m[1].includes('.') ? 'section' : 'chapter', number: m[1], title: m[2].trim(), titleAt: t.length - m[2].length };
  m = DECIMAL.exec(t);
  if (m && plausibleTitle(m[2].trim()) && !/[。；;]/.test(m[2])) return { type: 'decimal', kind: 'section', number: m[1], title: m[2].trim(), titleAt: t.length - m[2].length };
  return undefined;
}

/** Longest first sentence a run-in heading can have. */
const MAX_RUN_IN = 40;
/** A "label：…" heading line this long is a label and its running text, not a heading with a subtitle. */
const MIN_RUN_ON = 30;

function numbered(type: HeadingType, kind: SectionKind, m: RegExpExecArray, t: string): HeadingMatch | undefined {
  const title = m[2].trim();
  const titleAt = t.length - m[2].length;
  // a heading is not a sentence; one that is, with text after it, runs in: a short first sentence,
  // then the body goes on (on this line, and the next)
  const stop = /[。！？!?]/.exec(title);
  // "（一）分段管理型：各地按行政区划分别制定…": a label, then a sentence about it that runs on
  const label = /^([^：:，,。“”]{2,12})[：:]/.exec(title);
  const said = label ? title.slice(label[0].length) : '';
  const onlyFinalStop = !stop || stop.index === title.length - 1;
  if (onlyFinalStop && label && said.length >= 8 && (title.length >= MIN_RUN_ON || (said.length >= 14 && /[，,]/.test(said))))
    return { type, kind, number: m[1], title: label[1].trim(), titleAt, bodyAt: titleAt + label[0].length };
  if (!stop && plausibleTitle(title)) return { type, kind, number: m[1], title, titleAt };
  if (!stop || stop.index > MAX_RUN_IN || stop.index + 1 >= title.length) return undefined;
  const head = title.slice(0, stop.index).trim();
  if (!plausibleTitle(head) || /[。；;]/.test(head)) return undefined;
  return { type, kind, number: m[1], title: head, titleAt, bodyAt: titleAt + stop.index + 1 };
}

/** A line that can serve as the title of a "第一章" heading standing alone on its line. */
export function isTitleLine(text: string): boolean {
  return plausibleTitle(text) && matchHeading(text) === undefined;
}
