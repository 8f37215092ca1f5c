import type { Diagnostic } from '../../diagnostics.js';
import type { SourceDoc } from '../../model.js';
import { briefDiagnostic, squash, type BriefRule } from './types.js';

/** What a brief's title may be: meta.yaml's short title, the document's title, or its title lines. */
export function titleForms(doc: SourceDoc): string[] {
  const forms = [doc.meta.shortTitle, doc.meta.title, doc.titleSegments.map((s) => s.text).join(''), doc.titleSegments.map((s) => s.text).join(' ')]
    .filter((t): t is string => !!t && !!t.trim())
    .map((t) => t.replace(/\s+/g, ' ').trim());
  return [...new Set(forms)];
}

/**
 * The brief's title is the document's own title, never empty (errors); a title that still carries a
 * page's furniture (a site name after a separator, a section number) is a warning.
 */
export const title: BriefRule = {
  id: 'brief:title',
  description: 'the title is the document’s title (meta.yaml title or shortTitle, or the title the source gives), not empty',
  severity: 'error',
  check(brief, doc, ctx) {
    const out: Diagnostic[] = [];
    const place = doc.titleSegments[0]?.place;
    const t = brief.title.replace(/\s+/g, ' ').trim();
    if (!t) return [briefDiagnostic(this, ctx, place, 'the brief has no title', { actual: '' })];
    const forms = titleForms(doc);
    if (!forms.some((f) => squash(f) === squash(t)))
      out.push(
        briefDiagnostic(this, ctx, place, `the title “${t}” is not the document’s title`, {
          actual: t,
          expected: forms.length ? forms : undefined,
        }),
      );
    // the page's title rather than the document's: a site or series name after a separator, a section number
    const furniture = titleFurniture(t);
    if (furniture) {
      const d = briefDiagnostic(this, ctx, place, `the title “${t}” carries ${furniture}: give the document’s own title in meta.yaml (title: …)`, { actual: t });
      d.fatal = false;
      out.push(d);
    }
    return out;
  },
};

/** A periodical's issue: a date, a period, a number (2024/02-03, 2023年第5期, No. 12). */
const ISSUE = /^(?:[0-9]{2,4}(?:\s*[-–/.年月]\s*[0-9]{1,2}){0,3}\s*[日月]?(?:\s*[-–~～至]\s*[0-9]{1,4}(?:\s*[-/.年月]\s*[0-9]{1,2}){0,2}\s*[日月]?)?|(?:[0-9]{4}\s*年\s*)?第\s*[0-9一二三四五六七八九十百]{1,4}\s*[期号卷]|No\.?\s*[0-9]{1,4})$/i;

/**
 * What a web page's or a chapter file's title adds to the document's: `数据篇 | 2024 中国开源年度报告`,
 * `中华人民共和国监察法-纪检`, `人工智能 - 维基百科，自由的百科全书`, `8. 大事记篇`.
 */
export function titleFurniture(t: string): string | undefined {
  const sep = /\s[|｜]\s|\s[-–—_]\s|[\p{Script=Han}）)][-_](?=[\p{Script=Han}]{1,10}$)/u.exec(t);
  // …unless what follows the separator is the issue's date or number (社群月报 - 2024/02-03, 周报 | 2023年第5期):
  // part of the document's own name, as a periodical gives it
  if (sep && !ISSUE.test(t.slice(sep.index + sep[0].length).trim())) return 'a site or series name after a separator';
  if (/^\d{1,2}(?:\.\d{1,2})*[.、．]\s*(?!\d)/.test(t)) return 'a section number';
  return undefined;
}
