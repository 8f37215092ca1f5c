// Genres recognised from a parsed SourceDoc's structure (any input format): each marks doc.genre and
// moves what is metadata out of the body. Selection follows doc.genre (select/genre/). The first that
// recognises the text wins: a law (articles), an official document (issuer 关于 subject 的 type), a
// standard (its clauses), a speech (its title or its salutation); a transcript's speaker-headed
// sections are read as turns (transcript-turns.ts). A bill's comparison table keeps only what the bill
// changes (amendment.ts); a published court case is known by its name (court-case.ts). Lines tagged with a language are
// marked whatever the genre.
import type { SourceDoc } from '../../model.js';
import { readComparisonTable } from './amendment.js';
import { readCourtCase } from './court-case.js';
import { readLaw } from './law.js';
import { readOfficial } from './official.js';
import { readStandard } from './standard.js';
import { readSpeech } from './speech.js';
import { markLanguageTags } from './language-tags.js';
import { readsAsReport } from './report.js';
import { readTranscriptTurns } from './transcript-turns.js';

export interface GenreOptions {
  /** meta.yaml chose the kind: it stays. */
  kindGiven?: boolean;
  /** The Markdown reader found a news dateline (新华社北京…电) at the start of the text. */
  datelined?: boolean;
  /** The source text the segments' places refer to (a court case's run-in judgments are read from it). */
  text?: string;
  /** meta.yaml gave the title: it stays. */
  titleGiven?: boolean;
}

export function readGenre(doc: SourceDoc, opts: GenreOptions = {}): SourceDoc {
  const read = markLanguageTags(readTranscriptTurns(readSpeech(readStandard(readOfficial(readLaw(readCourtCase(readComparisonTable(doc), opts.text, opts.titleGiven)))))));
  // a long text in parts under headings, without a dateline, is a report whatever its format
  // (a standard is a report by its structure, however short)
  if (!opts.kindGiven && ((!read.genre && readsAsReport(read, opts.datelined ?? false)) || read.genre === 'standard')) read.kind = 'report';
  return read;
}
