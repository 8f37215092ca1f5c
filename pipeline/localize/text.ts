// Small text helpers shared by the TM, import and QA.

/** For comparing a unit's source with a segment: NFKC, whitespace removed between CJK, collapsed elsewhere. */
export function normalizeForCompare(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\p{Script=Han}\p{P}]) | (?=[\p{Script=Han}\p{P}])/gu, '')
    .trim();
}
