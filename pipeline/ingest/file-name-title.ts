// A title that is a file's name: a converter or a scraper heads its output with the file it came from
// (## 文档 ：某某行动计划.md, 文件：某某规划.docx). The document's name is the file's name without its
// extension and without the label before it; nothing else in the title changes.
import type { SourceDoc } from '../model.js';
import { applyMeta } from './meta.js';

/** An optional label (文档, 文件, 文件名, 标题, File), a colon, the name, a document file's extension. */
const FILE_NAME_TITLE = /^(?:(?:文档|文件名?|标题|File(?:\s*name)?)\s*[：:]\s*)?(\S(?:.*\S)?)\.(?:md|markdown|txt|docx?|pdf|html?|wps)$/iu;

/** The name a title that is a file's name gives, or undefined when the title is no file's name. */
export function fileNameTitle(title: string | undefined): string | undefined {
  const m = FILE_NAME_TITLE.exec((title ?? '').trim());
  if (!m || !/\p{Script=Han}/u.test(m[1]) || [...m[1]].length < 4) return undefined;
  return m[1].trim();
}

export function titleWithoutFileName(doc: SourceDoc): SourceDoc {
  const name = fileNameTitle(doc.meta.title);
  return name ? applyMeta(doc, { title: name }) : doc;
}
