// Done-when of alignment: an English brief made from alignment alone carries only the publisher's own
// sentences, verbatim. For each bilingual corpus document: the brief's English items that alignment
// filled are each one or more whole sentences of the English as read (Markdown markup removed); the
// items it could not fill are listed, never filled with anything else.
import { describe, expect, it } from 'vitest';
import { ALIGNED_CORPUS, alignCorpus, repoGlossary } from './corpus-helpers.js';
import { alignmentDrafts } from '../../pipeline/align/index.js';
import { alignmentSides } from '../../pipeline/align/texts.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { localizeBrief } from '../../pipeline/localize/brief.js';

describe('an English brief from alignment alone', () => {
  for (const slug of ALIGNED_CORPUS) {
    it(`${slug}: every English item is verbatim a run of the publisher's sentences`, () => {
      const { doc, english, alignment } = alignCorpus(slug);
      const sentences = new Set(alignmentSides(doc, english)!.en.flat());
      const drafts = new Map(alignmentDrafts(alignment).map((d) => [d.id, d.target]));
      const { terms } = repoGlossary();
      const { brief } = selectBrief(doc, terms);
      const used: string[] = [];
      const en = localizeBrief(brief, 'en', {
        translate: (id) => {
          const t = drafts.get(id);
          if (t) used.push(t);
          return t;
        },
        toHant: (s) => s,
        terms,
        meta: doc.meta,
      });
      // most of the brief comes from the publisher's English
      const items = en.brief.slots.flatMap((s) => s.items);
      expect(used.length).toBeGreaterThanOrEqual(Math.ceil(items.length / 2));
      for (const t of used) {
        // a draft is one sentence or consecutive sentences of a 1–2 pair: each piece a whole English sentence
        const whole = sentences.has(t) || alignment.kept.some((p) => p.en.join(' ') === t && p.en.every((s) => sentences.has(s)));
        expect(whole, t).toBe(true);
      }
      // what alignment could not fill stays missing (Chinese left for a translator), never guessed
      for (const m of en.missing) expect(drafts.has(m.id)).toBe(false);
      console.log(JSON.stringify({ slug, items: items.length, fromAlignment: used.length, missing: en.missing.map((m) => m.text.slice(0, 40)) }));
    }, 60_000);
  }
});
