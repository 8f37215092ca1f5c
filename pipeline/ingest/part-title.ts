// A part of a larger work titled by the part's name alone (数据篇, 商业化篇, 开源大事记) says nothing of
// which work: where the work is known — the series meta gives, a front-matter tag or the site's name
// that names a document, or the text naming the work the part belongs to (…年度报告的《开源大事记》篇,
// 开源年度报告商业化篇) or opening with it (2023 中国开源年度报告以…) — the title carries it:
// `2023 中国开源年度报告·数据篇`. Every format reaches this the same way (ingest/index.ts).
import type { SourceDoc } from '../model.js';
import { applyMeta } from './meta.js';
import { docSegments } from './walk.js';

/** Words that end the name of a document a part belongs to. */
const DOCUMENT_END = '(?:年度报告|研究报告|报告|年报|白皮书|蓝皮书|年鉴|丛书|文集)';
const NAMES_DOCUMENT = new RegExp(`^[^，。；：:]{2,40}${DOCUMENT_END}$`, 'u');

/** The same in a publisher's English: 2024 China Open Source Report, … White Paper. */
const NAMES_DOCUMENT_EN = /^[A-Za-z0-9][^.;:]{1,60}\b(?:Report|White ?Paper|Blue Book|Yearbook|Almanac)$/i;

/** Does the text name a document (2024 中国开源年度报告, 中国开源年度报告, 2024 China Open Source Report)? */
export function namesDocument(text: string): boolean {
  return NAMES_DOCUMENT.test(text.trim()) || NAMES_DOCUMENT_EN.test(text.trim());
}

/** At most this many words make an English title a part's name (OSS Questionnaire, Open Source AI). */
const EN_PART_WORDS = 4;

/** How many of the first segments (after the title) are searched for the work's name. */
const FIRST_SEGMENTS = 12;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words before a name that are not part of it (在过去两年的…, 本次…): cut at the last of them. */
function bareName(run: string): string {
  const cut = Math.max(run.lastIndexOf('的'), run.lastIndexOf('在'), run.lastIndexOf('了'));
  return run.slice(cut + 1).replace(/^(?:本次|本届|今年|该|此|每年)/u, '').trim();
}

/** Is the title the name of a part: …篇, or named as a part by the text (《开源大事记》篇)? */
export function isPartTitle(title: string, texts: readonly string[]): boolean {
  const t = title.trim();
  if (/^\S{2,14}篇$/u.test(t)) return true;
  return texts.some((x) => x.includes(`《${t}》篇`) || x.includes(`${t}篇`));
}

/** The name of the work the part belongs to, as its opening lines give it. */
export function workOfPart(title: string, texts: readonly string[]): string | undefined {
  const t = title.trim().replace(/篇$/u, '');
  const run = `([\\p{Script=Han}A-Za-z0-9 ]{2,30}?${DOCUMENT_END})`;
  // the work named with the part: …年度报告的《开源大事记》篇, 开源年度报告商业化篇
  const withPart = new RegExp(`${run}(?:的)?《?${escape(t)}`, 'u');
  // the text opening with the work as its subject: 2023 中国开源年度报告以…
  const opening = new RegExp(`^\\s*((?:\\d{4}\\s*年?\\s*)?[\\p{Script=Han}A-Za-z ]{2,24}?${DOCUMENT_END})(?![\\p{Script=Han}]*》)`, 'u');
  for (const x of texts) {
    const m = withPart.exec(x);
    if (m) {
      const name = bareName(m[1]);
      if (namesDocument(name)) return name;
    }
  }
  for (const x of texts) {
    const m = opening.exec(x);
    if (m && namesDocument(m[1].trim())) return m[1].trim();
  }
  return undefined;
}

/** The document with a part's title carrying the work it belongs to, where that work is known. */
export function titleWithWork(doc: SourceDoc, english = false): SourceDoc {
  const title = doc.meta.title?.trim();
  if (!title) return doc;
  // the publisher's English of such a part: a short title under a series that names the work takes it the
  // same way, so the English brief's title is the publisher's words for the same two things
  if (english) {
    const work = [doc.meta.series, doc.meta.outlet].find((x): x is string => x !== undefined && NAMES_DOCUMENT_EN.test(x.trim()))?.trim();
    if (!work || title.includes(work) || title.split(/\s+/).length > EN_PART_WORDS) return doc;
    return applyMeta(doc, { title: `${work} · ${title}` });
  }
  const first: string[] = [];
  for (const v of docSegments(doc)) {
    if (v.role === 'title' || v.role === 'heading') continue;
    first.push(v.segment.text);
    if (first.length >= FIRST_SEGMENTS) break;
  }
  if (!isPartTitle(title, first)) return doc;
  const given = [doc.meta.series, doc.meta.outlet].find((x): x is string => x !== undefined && namesDocument(x));
  const work = given?.trim() ?? workOfPart(title, first);
  if (!work || title.includes(work) || work.includes(title)) return doc;
  return applyMeta(doc, { title: `${work}·${title}` });
}
