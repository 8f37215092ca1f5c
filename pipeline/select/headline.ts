// Sentences that are a heading's or a slogan's words rather than statements, whatever the genre:
//   run-in heading  a numbered paragraph's first sentence, short and without a clause of its own, with the
//                   paragraph's text run on after it ("（一）加强农村思想道德建设。以社会主义核心价值观为…"):
//                   the typesetter put the heading and its text in one paragraph
//   slogan          short parallel phrases: three or more short sentences that open with the same phrase
//                   ("乡村振兴，产业兴旺是重点。", "乡村振兴，生态宜居是关键。"…): a refrain, not a finding
// Neither says what the document found or decided; summaries and findings leave them out (the
// recommendations, which are headings by nature, keep them).
import { SECTION_NUMBER } from './exclude.js';
import { hasFigure } from './formulaic.js';
import type { Unit } from './units.js';

/** Shorter than this (characters, the number aside) a sentence is a heading's or a slogan's length. */
const SHORT = 20;

const short = (t: string) => [...t].length < SHORT && !hasFigure(t);

function runInHeading(u: Unit, next: Unit | undefined): boolean {
  if (u.posInBlock !== 0 || !next || next.block !== u.block || next.role !== u.role || next.itemIndex !== u.itemIndex) return false;
  // the number in the text, or taken off as the marker of a numbered list's item
  const m = SECTION_NUMBER.exec(u.segment.text);
  const numbered = u.block.type === 'list' && u.itemIndex !== undefined && u.block.style !== 'bullet' && u.role === 'item';
  if (!m && !numbered) return false;
  const rest = u.segment.text.slice(m ? m[0].length : 0).trim();
  return short(rest) && !/[，,；;：:、]/.test(rest);
}

/** The opening phrase of a short sentence with a comma in it (乡村振兴，…), if it has one of 2–8 characters. */
function opening(t: string): string | undefined {
  const m = /^([^，,。；;：:]{2,8})[，,]/.exec(t);
  return m ? m[1] : undefined;
}

/** The units that are run-in headings or slogans, with which of the two. */
export function headlines(units: readonly Unit[]): Map<Unit, 'run-in heading' | 'slogan'> {
  const out = new Map<Unit, 'run-in heading' | 'slogan'>();
  const byOpening = new Map<string, Unit[]>();
  units.forEach((u, k) => {
    const t = u.segment.text.trim();
    if (runInHeading(u, units[k + 1])) out.set(u, 'run-in heading');
    const o = short(t) ? opening(t) : undefined;
    if (o) byOpening.set(o, [...(byOpening.get(o) ?? []), u]);
  });
  for (const group of byOpening.values()) if (group.length >= 3) for (const u of group) out.set(u, 'slogan');
  return out;
}
