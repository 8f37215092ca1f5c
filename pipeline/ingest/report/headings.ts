// Heading lines: 摘要, 致谢, 前言/结语, 第一章 (title on the same or the next line), 一、标题, （一）标题.
// A heading line is short and has no terminal punctuation; numbered paragraphs (一是…) are not headings.
import type { SectionKind } from '../../model.js';

export type HeadingType = 'named' | 'chapter' | 'numeral' | 'paren';

export interface HeadingMatch {
  type: HeadingType;
  kind: SectionKind;
  /** Number as written without brackets: 第一章 → 第一章, 一、 → 一, （一） → 一 */
  number?: string;
  /** Heading text without the number ('' when the title stands on the next line). */
  title: string;
  /** Offset of the title within the line text. */
  titleAt: number;
}

const MAX_HEADING = 50;
const CN_NUM = '[一二三四五六七八九十百零〇]{1,4}';

const NAMED: [RegExp, SectionKind][] = [
  [/^(?:内容)?(?:摘\s*要|提\s*要|概\s*要)$|^Abstract$|^Executive Summary$/i, 'abstract'],
  [/^(?:致\s*谢|鸣\s*谢|谢\s*辞)$|^Acknowledge?ments$/i, 'acknowledgements'],
  [/^(?:前\s*言|序\s*言|引\s*言|导\s*言|导\s*论|引\s*论|绪\s*论|序)$|^(?:Preface|Introduction|Foreword)$/i, 'preface'],
  [/^(?:结\s*语|结\s*论|结\s*束\s*语|结\s*论\s*与\s*建\s*议|余\s*论)$|^Conclusions?$/i, 'conclusion'],
];

const CHAPTER = new RegExp(`^(第\\s*(?:${CN_NUM}|[0-9]{1,2})\\s*[章部篇](?:分)?)(?:[\\s\\u3000：:、.]*)(.*)$`);
const NUMERAL = new RegExp(`^(${CN_NUM})\\s*[、．.]\\s*(.+)$`);
const PAREN = new RegExp(`^[（(]\\s*(${CN_NUM})\\s*[）)]\\s*(.+)$`);

function plausibleTitle(t: string): boolean {
  if (!t || t.length > MAX_HEADING) return false;
  if (/[。；;，,！!？?：:、]$/.test(t)) return false;
  // an enumeration written as a paragraph: 一是…, 二要…
  if (/^[是要]/.test(t)) return false;
  return true;
}

export function matchHeading(text: string): HeadingMatch | undefined {
  const t = text.replace(/^\*\*(.*)\*\*$/, '$1').trim();
  if (!t || t.length > MAX_HEADING + 8) return undefined;
  for (const [re, kind] of NAMED) if (re.test(t)) return { type: 'named', kind, title: t.replace(/\s+/g, ''), titleAt: 0 };
  let m = CHAPTER.exec(t);
  if (m) {
    const title = m[2].trim();
    if (title && !plausibleTitle(title)) return undefined;
    return { type: 'chapter', kind: 'chapter', number: m[1].replace(/\s+/g, ''), title, titleAt: t.length - m[2].length };
  }
  m = NUMERAL.exec(t);
  if (m && plausibleTitle(m[2].trim())) return { type: 'numeral', kind: 'chapter', number: m[1], title: m[2].trim(), titleAt: t.length - m[2].length };
  m = PAREN.exec(t);
  if (m && plausibleTitle(m[2].trim())) return { type: 'paren', kind: 'section', number: m[1], title: m[2].trim(), titleAt: t.length - m[2].length };
  return undefined;
}

/** A line that can serve as the title of a "第一章" heading standing alone on its line. */
export function isTitleLine(text: string): boolean {
  return plausibleTitle(text) && matchHeading(text) === undefined;
}
