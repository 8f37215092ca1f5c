// Brief (zh-Hans) → Brief (zh-Hant | en). The three briefs are parallel: the same slots, the same
// items in the same order; only the words change.
//
// zh-Hant: every text through toHant; key terms take the glossary's zh-Hant form.
// en: each item's text from the translation memory. An item whose text is its segments' text joins the
//   segments' translations with a space; an item with a textId (a trimmed sentence, a quote cut out of a
//   sentence) is translated under that id, so the translator translates exactly what the brief shows.
//   The title is keyed by segmentId(title). Names: the glossary's English; voices' Chinese personal
//   names otherwise in pinyin; a name or role written in Latin letters stands as it is; other names and
//   roles are translated like any text. Whatever has no
//   translation is listed in `missing` (id + Chinese text, for the XLIFF) and left in Chinese.
import { segmentId } from '../ingest/segment.js';
import type { Brief, BriefItem, Person, SourceMeta, Term } from '../model.js';
import { glossaryEntry, romanizeName, sourceLine } from './source-line.js';

export interface LocalizeBriefDeps {
  toHant: (s: string) => string;
  translate: (segmentId: string, text: string) => string | undefined;
  terms: Term[];
  meta: SourceMeta;
}

export interface LocalizedBrief {
  brief: Brief;
  missing: { id: string; text: string }[];
}

/**
 * Recover the texts of an item's segments from its joined text: the segment ids are digests of the
 * texts, so each boundary is where the prefix's id equals the next segment id.
 */
export function splitBySegmentIds(text: string, ids: readonly string[]): string[] | undefined {
  const parts: string[] = [];
  let start = 0;
  for (let k = 0; k < ids.length; k++) {
    if (k === ids.length - 1) {
      const rest = text.slice(start);
      if (segmentId(rest) !== ids[k]) return undefined;
      parts.push(rest);
      break;
    }
    let found = -1;
    for (let end = start + 1; end < text.length; end++) {
      if (segmentId(text.slice(start, end)) === ids[k]) {
        found = end;
        break;
      }
    }
    if (found < 0) return undefined;
    parts.push(text.slice(start, found));
    start = found;
  }
  return parts;
}

/** A name or role the Chinese already writes in Latin letters (INP, Atypical Ventures): English as it stands. */
function latinOnly(s: string): boolean {
  return /[A-Za-z]/.test(s) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(s);
}

export function localizeBrief(brief: Brief, lang: 'zh-Hant' | 'en', deps: LocalizeBriefDeps): LocalizedBrief {
  const missing: { id: string; text: string }[] = [];
  const missed = new Set<string>();
  const need = (id: string, text: string) => {
    if (missed.has(id)) return;
    missed.add(id);
    missing.push({ id, text });
  };
  const termById = new Map(deps.terms.map((t) => [t.id, t]));

  if (lang === 'zh-Hant') {
    const person = (p: Person): Person => {
      const g = glossaryEntry(p.name, deps.terms);
      const out: Person = { name: g ? g['zh-Hant'] : deps.toHant(p.name) };
      if (p.role !== undefined) out.role = deps.toHant(p.role);
      return out;
    };
    return {
      brief: {
        ...brief,
        lang,
        title: deps.toHant(brief.title),
        sourceLine: sourceLine(deps.meta, 'zh-Hant', { toHant: deps.toHant, terms: deps.terms }),
        slots: brief.slots.map((s) => ({
          name: s.name,
          items: s.items.map((i) => {
            const out: BriefItem = { ...i, text: deps.toHant(i.text), segmentIds: [...i.segmentIds] };
            if (i.speaker) out.speaker = person(i.speaker);
            return out;
          }),
        })),
        terms: brief.terms.map((t) => ({ ...t, text: termById.get(t.termId)?.['zh-Hant'] ?? deps.toHant(t.text) })),
      },
      missing,
    };
  }

  /** Translation of a text under an id, or the Chinese left in place (and reported). */
  const tr = (id: string, text: string): string => {
    const t = deps.translate(id, text);
    if (t === undefined || t.trim() === '') {
      need(id, text);
      return text;
    }
    return t.trim();
  };
  const itemText = (i: BriefItem): string => {
    if (i.textId) return tr(i.textId, i.text);
    if (i.segmentIds.length === 1) return tr(i.segmentIds[0], i.text);
    const parts = splitBySegmentIds(i.text, i.segmentIds);
    if (!parts) return tr(segmentId(i.text), i.text);
    return parts.map((p, k) => tr(i.segmentIds[k], p)).join(' ');
  };
  const name = (n: string, personal: boolean): string => {
    const g = glossaryEntry(n, deps.terms);
    if (g) return g.en;
    if (personal && /^[\p{Script=Han}\s]+$/u.test(n)) return romanizeName(n);
    if (latinOnly(n)) return n.trim();
    return tr(segmentId(n), n);
  };
  const person = (p: Person, personal: boolean): Person => {
    const out: Person = { name: name(p.name, personal) };
    if (p.role !== undefined) {
      const g = glossaryEntry(p.role, deps.terms);
      out.role = g ? g.en : latinOnly(p.role) ? p.role.trim() : tr(segmentId(p.role), p.role);
    }
    return out;
  };
  const title = tr(segmentId(brief.title), brief.title);
  const slots = brief.slots.map((s) => ({
    name: s.name,
    items: s.items.map((i) => {
      const out: BriefItem = { ...i, text: itemText(i), segmentIds: [...i.segmentIds] };
      if (i.speaker) out.speaker = person(i.speaker, s.name === 'voices');
      return out;
    }),
  }));
  return {
    brief: {
      ...brief,
      lang,
      title,
      sourceLine: sourceLine(deps.meta, 'en', { toHant: deps.toHant, terms: deps.terms }),
      slots,
      terms: brief.terms.map((t) => ({ ...t, en: termById.get(t.termId)?.en ?? t.en })),
    },
    missing,
  };
}
