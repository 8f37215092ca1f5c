// Note marks a sentence carries after its words — [64], ［3］, [1,2], [3-5], [注1], [ 註 9 ] (a typeset PDF's spacing), superscript ¹²: they
// point at a footnote or a reference the brief does not have, so an item shows the sentence without them
// (pick.ts), and the brief checks trace it to its source sentence without them (check/brief/source-text.ts).
// A bracketed number that opens a line is a reference list's entry, not a mark; one after a Latin letter
// or a digit (a[1], x²) is part of what is written. An editor's or translator's note in brackets inside
// a sentence (…o1 模型（编者按：…）。) is a note too: the item shows the sentence without it.

const MARK = /(?<=[^\sA-Za-z0-9_])\s?(?:\[\s*(?:注|註)?\s*\d{1,3}(?:\s*[,，、\-–]\s*\d{1,3})*\s*\]|［\s*(?:注|註)?\s*[0-9０-９]{1,3}(?:[,，、\-–][0-9０-９]{1,3})*\s*］|[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?![¹²³⁴⁵⁶⁷⁸⁹⁰]))/gu;

const EDITOR_NOTE = /\s*[（(](?:编者按|编者注|編者按|編者註|编注|編註|译者注|譯者註|译注|譯註)\s*[：:][^（）()]{0,160}[）)]/gu;

/** The text without the note marks after its words, and without an editor's note in brackets. */
export function withoutNoteMarks(text: string): string {
  return text.replace(MARK, '').replace(EDITOR_NOTE, '');
}
