// Done-when of alignment: an English brief made from alignment alone carries only the publisher's own
// sentences, verbatim. For each bilingual corpus document: each English item of the brief is one or more
// consecutive whole sentences of the English as read (Markdown markup removed) — or such a sentence as
// the brief shows its Chinese: without its article label (第一条 / Article 1), or a whole sentence quoted
// inside one; the title and the speakers' names and roles are verbatim pieces of that English. The items
// alignment could not fill are listed, never filled with anything else; and the documents in COMPLETE get
// every text of their brief (title, items, speakers) from alignment: a complete English brief.
import { describe, expect, it } from 'vitest';
import { ALIGNED_CORPUS, alignCorpus, repoGlossary } from './corpus-helpers.js';
import { alignmentDrafts, keptEnglish } from '../../pipeline/align/index.js';
import { alignmentSides } from '../../pipeline/align/texts.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { localizeBrief } from '../../pipeline/localize/brief.js';
import { segmentId } from '../../pipeline/ingest/segment.js';

/**
 * How many texts of each brief alignment may leave to a translator. The bilingual Constitution's brief is
 * complete, and so is the questionnaire's, a Chinese/English pair in separate files (the publisher's
 * chapter and its translation). Each other parallel report still lacks one text (README, "What alignment cannot give"): the
 * interviews' lead sentence, which the publisher rendered in two sentences half again as long (no pair
 * of its lengths is kept), and the open-source report's one voice, whose speaker's role (英伟达的老板)
 * the English words differently inside its sentence.
 */
const MISSING_AT_MOST: Record<string, number> = {
  'law-constitution-bilingual': 0,
  // selection now shows two of its sentences cut (……), forms the publisher's English does not give
  // verbatim, and its summary (no longer a cut list headline) opens with a sentence the publisher's
  // English splits and rewords, as does one point: four left for a translator
  'kys-2024-open-source-ai': 4,
  'kys-2024-commercialization-interviews': 1,
  'kys-2024-questionnaire': 0,
};
const COMPLETE = new Set(Object.keys(MISSING_AT_MOST).filter((s) => MISSING_AT_MOST[s] === 0));

/** The publisher's sentences, and each as a brief may show it: without a leading label; a whole sentence quoted in it. */
function sentenceForms(paragraphs: string[][]): { sentences: string[]; forms: Set<string> } {
  const sentences = paragraphs.flat();
  const forms = new Set(sentences);
  for (const s of sentences) {
    const label = /^(?:Article|Chapter|Section|Part)\s+\S+\s+(?:(?:Article|Chapter|Section|Part)\s+\S+\s+)?(?=\p{Lu})/u.exec(s);
    if (label) forms.add(s.slice(label[0].length));
    // a run-in list label (Community Roles: …), which the brief leaves off as it does the Chinese one
    const runIn = /^[^:.!?;"“”]{2,80}:\s+(?=[\p{Lu}"“(])/u.exec(s);
    if (runIn) forms.add(s.slice(runIn[0].length));
    for (const m of s.matchAll(/[“"]([^“”"]+[.!?])[”"]/g)) forms.add(m[1]);
  }
  return { sentences, forms };
}

/** A text made of consecutive forms of the publisher's sentences (a 1–2 pair joins two with a space). */
function isRunOfSentences(t: string, paragraphs: string[][], forms: Set<string>): boolean {
  if (forms.has(t)) return true;
  return paragraphs.some((p) => p.some((_, i) => p.slice(i).some((__, k) => k > 0 && p.slice(i, i + k + 1).join(' ') === t)));
}

describe('an English brief from alignment alone', () => {
  for (const slug of ALIGNED_CORPUS) {
    it(`${slug}: every English item is verbatim the publisher's sentences${COMPLETE.has(slug) ? ', and the brief is complete' : ''}`, () => {
      const { doc, english, alignment } = alignCorpus(slug);
      const paragraphs = alignmentSides(doc, english)!.en;
      const { forms } = sentenceForms(paragraphs);
      const whole = paragraphs.flat().join(' ');
      const drafts = new Map(alignmentDrafts(alignment).map((d) => [d.id, d.target]));
      const { terms } = repoGlossary();
      const { brief } = selectBrief(doc, terms, { hasEnglish: keptEnglish(alignment) });
      const given = new Map<string, string>();
      const en = localizeBrief(brief, 'en', {
        translate: (id) => {
          const t = drafts.get(id);
          if (t) given.set(id, t);
          return t;
        },
        toHant: (s) => s,
        terms,
        meta: doc.meta,
      });
      const items = brief.slots.flatMap((s) => s.items);
      const enItems = en.brief.slots.flatMap((s) => s.items);
      let fromAlignment = 0;
      items.forEach((item, k) => {
        const ids = item.textId ? [item.textId] : item.segmentIds;
        if (!ids.every((id) => given.has(id))) return;
        fromAlignment++;
        // each piece of the item (a segment's English, or the English of what the brief shows) is the publisher's
        for (const id of ids) expect(isRunOfSentences(given.get(id)!, paragraphs, forms), given.get(id)).toBe(true);
        expect(enItems[k].text).toBe(ids.map((id) => given.get(id)).join(' '));
      });
      // a speaker's name or role that alignment gave is the publisher's words
      items.forEach((item, k) => {
        const zh = item.speaker;
        const sp = enItems[k].speaker;
        if (!zh || !sp) return;
        for (const [z, e] of [[zh.name, sp.name], [zh.role, sp.role]]) if (z && e && given.has(segmentId(z))) expect(whole.includes(e), e).toBe(true);
      });
      // the title, when alignment gives it, is the publisher's title
      if (given.has(segmentId(brief.title))) expect(whole.includes(en.brief.title), en.brief.title).toBe(true);
      // all of the brief comes from the publisher's English but the texts this file allows it to leave
      expect(fromAlignment).toBeGreaterThanOrEqual(items.length - MISSING_AT_MOST[slug]);
      // what alignment could not fill stays missing (Chinese left for a translator), never guessed
      for (const m of en.missing) expect(drafts.has(m.id)).toBe(false);
      console.log(JSON.stringify({ slug, items: items.length, fromAlignment, missing: en.missing.map((m) => m.text.slice(0, 40)) }));
      if (COMPLETE.has(slug)) expect(en.missing.map((m) => m.text)).toEqual([]);
      else expect(en.missing.length).toBeLessThanOrEqual(MISSING_AT_MOST[slug]);
    }, 60_000);
  }
});
