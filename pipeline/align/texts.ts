// The two sides of an alignment, read from ingested documents: the Chinese source's segments grouped by
// paragraph (block), and the English as paragraphs of sentences — from a parallel English document, or
// from the English paragraphs of a bilingual source (Chinese and English paragraphs interleaved).
import type { Block, Segment, SourceDoc } from '../model.js';
import { docSegments } from '../ingest/walk.js';
import { splitEnglishSentences } from './sentences-en.js';
import type { ZhSentence } from './aligner.js';

const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

/** Chinese text: Han characters weigh at least a third of the Latin letters (a Chinese sentence may name Meta or GitHub). */
export function isChineseText(s: string): boolean {
  const han = s.match(HAN)?.length ?? 0;
  const latin = s.match(LATIN)?.length ?? 0;
  return han > 0 && han * 3 >= latin;
}

/** English text: Latin letters and no more Han than isChineseText allows. */
export function isEnglishText(s: string): boolean {
  return !isChineseText(s) && /[A-Za-z]{2}/.test(s);
}

/** The document's segments in reading order, one group per block (a heading or title is its own group). */
function groups(doc: SourceDoc): Segment[][] {
  const out: Segment[][] = [];
  let lastBlock: Block | undefined;
  let lastItem: number | undefined;
  let lastLine: number | undefined;
  for (const v of docSegments(doc)) {
    // an image's caption or alt text ("image") is seldom translated alongside: neither side uses it
    if (v.role === 'caption') continue;
    // a list's items are paragraphs of their own (a bilingual list prints each with its English), but an
    // enumeration run into one line (…目标。首先，…其次，…) is one paragraph, as its translation is
    const sameItem = v.itemIndex === lastItem || v.segment.place.line === lastLine;
    const sameGroup = v.block !== undefined && v.block === lastBlock && v.role !== 'heading' && sameItem && out.length > 0;
    if (sameGroup) out[out.length - 1].push(v.segment);
    else out.push([v.segment]);
    lastBlock = v.role === 'heading' || v.role === 'title' ? undefined : v.block;
    lastItem = v.itemIndex;
    lastLine = v.segment.place.line;
  }
  return out;
}

/**
 * A segment of a bilingual source that holds a Chinese line and its English (an ingest that joins the
 * lines of a list item): the Chinese up to its last Han character and closing punctuation, and the
 * English after it, when that is at least two Latin words.
 */
export function splitMixed(text: string): { zh: string; en: string } | undefined {
  const m = /^(.*\p{Script=Han}[\p{P}\s]*?)((?:[（(]\w{1,4}[)）]\s*)?[A-Za-z][^\p{Script=Han}]*)$/su.exec(text);
  if (!m || !/[A-Za-z]+\W+[A-Za-z]+/.test(m[2])) return undefined;
  // the tail must not be a gloss closed inside the Chinese: 代理（AI Agent）
  if (/^[^（(]*[)）]\s*$/.test(m[2])) return undefined;
  return { zh: m[1].trim(), en: m[2].trim() };
}

type Run = { lang: 'zh' | 'en' | 'other'; segments: Segment[] };

/**
 * Runs of one script within each group: a block holding a Chinese line and its English line becomes a
 * Chinese paragraph and an English paragraph. With `mixed`, a segment holding both is cut in two.
 */
function scriptRuns(doc: SourceDoc, mixed = false): Run[] {
  const out: Run[] = [];
  for (const g of groups(doc)) {
    let cur: Run | undefined;
    const add = (lang: Run['lang'], s: Segment) => {
      if (!cur || cur.lang !== lang) out.push((cur = { lang, segments: [] }));
      cur.segments.push(s);
    };
    for (const s of g) {
      const cut = mixed ? splitMixed(s.text) : undefined;
      if (cut) {
        add('zh', { ...s, text: cut.zh });
        add('en', { ...s, text: cut.en });
        continue;
      }
      add(isChineseText(s.text) ? 'zh' : isEnglishText(s.text) ? 'en' : 'other', s);
    }
  }
  return out;
}

/** Words that cannot end an English title or sentence: a line ending in one was broken by the layout. */
const DANGLING = /\b(?:of|the|a|an|and|or|for|to|in|on|at|by|with|from)$/i;

/**
 * English paragraphs as sentences: the segments of a run joined with a space, then split as English.
 * Consecutive English runs are one paragraph when the first ends in a word no title or sentence ends
 * in ("CONSTITUTION OF" / "THE PEOPLE'S REPUBLIC OF CHINA": a title set on two lines).
 */
function englishOf(runs: Run[]): string[][] {
  const texts: string[] = [];
  let prev: Run | undefined;
  for (const r of runs) {
    if (r.lang !== 'en') {
      prev = r;
      continue;
    }
    const text = r.segments.map((s) => s.text).join(' ');
    if (prev?.lang === 'en' && DANGLING.test(texts[texts.length - 1].trim())) texts[texts.length - 1] = `${texts[texts.length - 1].trim()} ${text.trim()}`;
    else texts.push(text);
    prev = r;
  }
  return texts.map((t) => splitEnglishSentences(t)).filter((p) => p.length > 0);
}

function chineseOf(runs: Run[]): ZhSentence[][] {
  return runs.filter((r) => r.lang === 'zh').map((r) => r.segments.map((s) => ({ id: s.id, text: s.text })));
}

export interface AlignmentSides {
  english: 'parallel' | 'bilingual';
  /** Chinese paragraphs: the source's Chinese segments, under the ids the build uses. */
  zh: ZhSentence[][];
  /** English paragraphs, each a list of sentences. */
  en: string[][];
}

/**
 * The two sides: the source's Chinese and the parallel English document's paragraphs; without an English
 * document, the source's own English paragraphs when it is bilingual — at least 10 English runs and at
 * least a fifth of its runs (a Chinese source that quotes English here and there is not). Undefined when
 * there is no English.
 */
export function alignmentSides(doc: SourceDoc, englishDoc?: SourceDoc): AlignmentSides | undefined {
  if (englishDoc) {
    const en = englishOf(scriptRuns(englishDoc));
    return en.length ? { english: 'parallel', zh: chineseOf(scriptRuns(doc)), en } : undefined;
  }
  const plain = scriptRuns(doc);
  const en = plain.filter((r) => r.lang === 'en').length;
  const zh = plain.filter((r) => r.lang === 'zh').length;
  if (en < 10 || en * 5 < en + zh) return undefined;
  const runs = scriptRuns(doc, true);
  return { english: 'bilingual', zh: chineseOf(runs), en: englishOf(runs) };
}
