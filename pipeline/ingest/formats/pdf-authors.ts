// A paper's author block under its title: lines of names, each followed by raised marks (王莹莹¹,
// 杨麟儿¹∗, Yingying Wang¹), then lines of affiliations, each starting with its mark (¹北京语言大学).
// The marks link names to affiliations. The report parser reads persons from "作者：" lines and the
// institution from an institution's line, so the block is given to it that way: each name once,
// without its marks, and the affiliations without theirs — an affiliation is an institution, never
// an author.

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A name and the marks after it (digits raised, a corresponding author's star or dagger). */
const NAME_MARKS = new RegExp(`^(.+?)\\s*((?:[${SUP}]|[∗*†‡§]|[,，](?=[${SUP}]))+)$`, 'u');
/** A Chinese name (two to six characters, a middle dot in a transcribed one) or a Latin one of two to four words. */
const NAME = /^(?:[\p{Script=Han}·]{2,6}|\p{Lu}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){1,3})$/u;
/** An affiliation: its mark, then the institution (no sentence). */
const AFFILIATION = new RegExp(`^([${SUP}]+)\\s*(\\S.{1,100})$`, 'u');

/** The names on a line of the author block, with the digits of their marks; undefined if it is not one. */
export function authorNames(text: string): { names: string[]; marks: string[] } | undefined {
  const t = text.trim().replace(/[,，、;；]\s*$/, '');
  if (!t) return undefined;
  const names: string[] = [];
  const marks: string[] = [];
  // a comma before a raised digit is inside a name's marks (李娜¹,²)
  for (const token of t.split(new RegExp(`\\s*[,，、;；]\\s*(?![${SUP}])`, 'u'))) {
    const m = NAME_MARKS.exec(token);
    if (!m || !NAME.test(m[1].trim())) return undefined;
    names.push(m[1].trim().replace(/\s+/g, ' '));
    for (const c of m[2]) if (SUP.includes(c)) marks.push(c);
  }
  return marks.length ? { names, marks } : undefined;
}

/** An affiliation's line: its mark and the institution. */
export function affiliationOf(text: string): { mark: string; name: string } | undefined {
  const m = AFFILIATION.exec(text.trim());
  if (!m || /[。！？.!?；;]$/.test(m[2])) return undefined;
  return { mark: m[1], name: m[2].trim() };
}

export interface AuthorBlock {
  /** Index of the block's first line. */
  start: number;
  /** Index after its last line. */
  end: number;
  /** Each name once, in order. */
  names: string[];
  /** The institutions, in the order of their marks. */
  affiliations: string[];
}

/**
 * The first author block among the lines: one or more lines of marked names, then the affiliations
 * whose marks they use (every mark a name carries has its affiliation). Undefined if there is none.
 */
export function findAuthorBlock(texts: string[]): AuthorBlock | undefined {
  for (let i = 0; i < texts.length; i++) {
    if (!authorNames(texts[i])) continue;
    const names: string[] = [];
    const used = new Set<string>();
    let j = i;
    for (let a = authorNames(texts[j]); a; a = j < texts.length ? authorNames(texts[j]) : undefined) {
      for (const n of a.names) if (!names.includes(n)) names.push(n);
      for (const m of a.marks) used.add(m);
      j++;
    }
    const affiliations: string[] = [];
    const marks = new Set<string>();
    let k = j;
    for (let f = k < texts.length ? affiliationOf(texts[k]) : undefined; f; f = k < texts.length ? affiliationOf(texts[k]) : undefined) {
      if (marks.has(f.mark)) break;
      marks.add(f.mark);
      affiliations.push(f.name);
      k++;
    }
    if (affiliations.length && [...used].every((m) => marks.has(m))) return { start: i, end: k, names, affiliations };
    return undefined;
  }
  return undefined;
}
