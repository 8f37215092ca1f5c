// Genres recognised from a parsed SourceDoc's structure (any input format): each marks doc.genre and
// moves what is metadata out of the body. Selection follows doc.genre (select/genre/).
import type { SourceDoc } from '../../model.js';
import { readLaw } from './law.js';

export function readGenre(doc: SourceDoc): SourceDoc {
  return readLaw(doc);
}
