// Is an occurrence of a term part of a longer word (内|蒙古, 桦|加沙, 非|居民企业)? Used where key terms are
// chosen (select/index.ts) and where the brief checks look at them (check/brief/term-in-word.ts).

/** Characters that stand before a name as words of their own (particles, prepositions, short verbs). */
const LEFT_OK = new Set([...'有享具拥含属使令的在对与和及同跟向从自由被把将给让为于是了之其各该此每等并而或以至到赴访即且就也都又还所称据按经比如像、，。；：“”‘’（）《》〈〉【】「」—…·和与及对于在前后上下中新老大小原全本该这那两三四五六七八九十一二']);
/** Characters that follow a name as words of their own or as suffixes that keep it whole (蒙古国, 加沙人). */
const RIGHT_OK = new Set([...'的了和与及等是在对将把被也都就又还为于之中上下内外间方面人国省市区县州军队籍性化者式时后前里边侧称说已曾会要能可所、，。；：“”‘’（）《》〈〉【】「」—…·！？']);

const HAN = /\p{Script=Han}/u;
let segmenter: Intl.Segmenter | undefined;

/** Is the character at UTF-16 offset i a word of one character in ICU's segmentation of the segments' text? */
function isSingle(words: Intl.Segments, i: number): boolean {
  const s = words.containing(i);
  return s ? s.index === i && s.segment.length === 1 : true;
}

/**
 * Is this occurrence of the term part of a longer word? A Han character beside it that ICU leaves as a
 * word of one character, and that is not one that stands beside a name on its own (a particle, a
 * preposition, a suffix such as 国 or 省), is glued to it: 内|蒙古, 桦|加沙, 卡申|领 — unless it has such a
 * single character beside it in turn (谱|写|中国, 中国|开|源: a word ICU did not know). (ICU's own
 * boundaries are not trusted across the term: it cuts new words such as 管辖权 or 开源 apart.)
 */
export function insideLongerWord(text: string, start: number, term: string): boolean {
  const end = start + term.length;
  const window = text.slice(Math.max(0, start - 8), Math.min(text.length, end + 8));
  const off = Math.max(0, start - 8);
  const s = start - off;
  const e = end - off;
  // the window is segmented once, when a neighbour first needs ICU's word (up to four lookups)
  let words: Intl.Segments | undefined;
  const single = (i: number) => {
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    words ??= segmenter.segment(window);
    return isSingle(words, i);
  };
  // two single characters in a row are a word ICU did not know (谱|写, 开|源): the neighbour belongs there
  const L = window[s - 1];
  if (L && HAN.test(L) && !LEFT_OK.has(L) && single(s - 1)) {
    const LL = window[s - 2];
    if (!(LL && HAN.test(LL) && !LEFT_OK.has(LL) && single(s - 2))) return true;
  }
  const R = window[e];
  if (R && HAN.test(R) && !RIGHT_OK.has(R) && single(e)) {
    const RR = window[e + 1];
    if (!(RR && HAN.test(RR) && !RIGHT_OK.has(RR) && single(e + 1))) return true;
  }
  return false;
}

/** Does the text stand mostly inside longer words in these pieces (more occurrences inside than whole)? */
export function mostlyInsideWords(pieces: readonly { text: string }[], term: string): boolean {
  let inside = 0;
  let whole = 0;
  for (const p of pieces) {
    for (let i = p.text.indexOf(term); i >= 0; i = p.text.indexOf(term, i + term.length)) {
      if (insideLongerWord(p.text, i, term)) inside++;
      else whole++;
    }
  }
  return inside > whole;
}

/** Characters that stand before a term as words of their own: particles, conjunctions, prepositions. */
export const BEFORE_TERM: ReadonlySet<string> = new Set([...'的之和与及或并而在对于从向把被将为是了着过由以给等各该其这那']);

/** ICU reads a longer word across the term's first edge in at least this share of its occurrences (经费 of 经费支出)… */
const ICU_JOINS_SHARE = 0.25;
/** …and a content character is glued before its first character in at least this share of them (维护费支出). */
const GLUED_SHARE = 0.75;

/**
 * Does the term begin with the last character of longer words, as its own occurrences show? ICU joins its
 * first character to the one before it in a good share of them (经费|支出: the word 经费), and in most of
 * them a content character stands right before it, either so joined or before a first character that ICU
 * leaves as a word of one character (维护|费|支出, 接待|费|支出: words ICU does not know). Then the term is cut
 * out of longer words (费支出 of 经费支出, 维护费支出, 接待费支出), whichever they are. A term that a modifier
 * often stands before (支持|小|微|企业) has no such word across its edge, or not in most occurrences.
 * Each occurrence is segmented in a window of a few characters: the cost is linear in the text.
 */
export function opensInsideWords(texts: readonly string[], term: string): boolean {
  if (term.length < 2) return false;
  // a term whose first character starts a word ICU knows (支出|决算, 经费|支出) opens on a word of its own
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const [head] = segmenter.segment(term);
  if (!head || head.segment.length > 1) return false;
  // then the characters alone: most terms have no content character before most occurrences, and ICU is not asked
  const content = (text: string, i: number) => {
    const L = text[i - 1];
    return !!L && HAN.test(L) && !BEFORE_TERM.has(L);
  };
  let n = 0;
  let before = 0;
  for (const text of texts)
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) {
      n++;
      if (content(text, i)) before++;
    }
  if (n === 0 || before < GLUED_SHARE * n) return false;
  let all = 0;
  let joined = 0;
  let glued = 0;
  for (const text of texts) {
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) {
      all++;
      if (!content(text, i)) continue;
      const off = Math.max(0, i - 8);
      const w = segmenter.segment(text.slice(off, Math.min(text.length, i + term.length + 8))).containing(i - off);
      if (!w) continue;
      if (w.index < i - off) {
        joined++;
        glued++;
      } else if (w.segment.length === 1) glued++;
    }
  }
  return all > 0 && joined >= ICU_JOINS_SHARE * all && glued >= GLUED_SHARE * all;
}
