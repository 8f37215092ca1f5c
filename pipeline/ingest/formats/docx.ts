// A Word file (source.docx) → Markdown, for the Markdown reader: mammoth turns the document into HTML
// (headings from the Heading styles, lists, tables, footnotes as a numbered list at the end; a title set
// on a cover in a template's own style found by its size, see docx-cover.ts; headings Word numbers
// itself with their numbers, see docx-numbering.ts), and the
// HTML becomes Markdown the way a saved page's content does (see html.ts).
import mammoth from 'mammoth';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { Root as MdastRoot } from 'mdast';
import type { Element, Root as HastRoot } from 'hast';
import { createRequire } from 'node:module';
import { UserError, diagnostic } from '../../diagnostics.js';
import { coverTitleTransform, readStyles } from './docx-cover.js';
import { numberedHeadingsTransform, readHeadingNumbering } from './docx-numbering.js';
import { titleKey } from './title.js';

/** mammoth's zip reader (mammoth is pinned exactly: lib/zipfile.js is not its public API). */
interface ZipFile {
  exists(name: string): boolean;
  read(name: string, encoding: string): Promise<string>;
}
const mammothZip = () => createRequire(import.meta.url)('mammoth/lib/zipfile.js') as { openArrayBuffer(b: ArrayBuffer | Uint8Array): Promise<ZipFile> };

/** A part of the document (word/styles.xml…), if it has it (undefined when the file is not a zip: mammoth reports that). */
async function partXml(bytes: Uint8Array, name: string): Promise<string | undefined> {
  try {
    const zip = await mammothZip().openArrayBuffer(bytes);
    return zip.exists(name) ? await zip.read(name, 'utf-8') : undefined;
  } catch {
    return undefined;
  }
}

/** Largest Word file read (bytes): a zip bomb or a huge file costs bounded time and memory. */
export const DOCX_MAX = 50 * 1024 * 1024;

// Chinese Word templates name their heading styles 标题 1…; English ones Heading 1…, Title, Subtitle.
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='副标题'] => h2:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`p[style-name='标题 ${n}'] => h${n}:fresh`, `p[style-name='标题${n}'] => h${n}:fresh`]),
];

export async function docxToMarkdown(bytes: Uint8Array, file: string): Promise<{ markdown: string; messages: string[] }> {
  if (bytes.byteLength > DOCX_MAX) throw new UserError(diagnostic({ rule: 'ingest:too-large', file, reason: `${file} is larger than ${DOCX_MAX / 1024 / 1024} MB` }));
  let html: string;
  let messages: string[];
  try {
    const stylesXml = await partXml(bytes, 'word/styles.xml');
    const styles = readStyles(stylesXml);
    const numbered = numberedHeadingsTransform(readHeadingNumbering(stylesXml, await partXml(bytes, 'word/numbering.xml')));
    const cover = coverTitleTransform(styles);
    const r = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, transformDocument: ((d: Parameters<typeof cover>[0]) => cover(numbered(d as never) as never)) as unknown as (e: unknown) => unknown },
    );
    html = r.value;
    messages = r.messages.map((m) => m.message);
  } catch (err) {
    throw new UserError(
      diagnostic({ rule: 'ingest:unreadable-docx', file, reason: `${file} is not a Word document that can be read (.docx): ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` }),
    );
  }
  const hast = fromHtml(html, { fragment: true });
  dropBookmarks(hast);
  dropRepeatedTitle(hast);
  const mdast = toMdast(hast) as MdastRoot;
  const markdown = toMarkdown(mdast, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-' });
  return { markdown, messages };
}

/** A paragraph that is only a link to a heading's bookmark (#_Toc…): an entry of a contents page. */
function isContentsEntry(el: Element): boolean {
  if (el.tagName !== 'p') return false;
  const kids = el.children.filter((k) => !(k.type === 'text' && !k.value.trim()));
  return kids.length > 0 && kids.every((k) => k.type === 'element' && k.tagName === 'a' && /^#_Toc/i.test(String(k.properties?.href ?? '')));
}

/**
 * Word's bookmarks and anchors (<a id="_Toc…"></a>, no text): not content, and `[]()` in Markdown;
 * and contents entries whatever their style (links to the headings' _Toc bookmarks).
 */
function dropBookmarks(tree: HastRoot): void {
  const stack: (HastRoot | Element)[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    node.children = node.children.filter(
      (c) => !(c.type === 'element' && ((c.tagName === 'a' && c.children.every((k) => k.type === 'text' && !k.value.trim())) || isContentsEntry(c))),
    );
    for (const c of node.children) if (c.type === 'element') stack.push(c);
  }
}

const plainText = (n: Element | HastRoot): string => n.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? plainText(c) : '')).join('');

/**
 * The title set again as a paragraph where the text starts (a standard's name above clause 1, in its own
 * style, after the cover, the foreword and the introduction): the title, already the document's heading,
 * not a paragraph of the text.
 */
function dropRepeatedTitle(tree: HastRoot): void {
  const h1 = tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'h1');
  const key = h1 ? titleKey(plainText(h1)) : '';
  if (!key) return;
  tree.children = tree.children.filter((c) => !(c.type === 'element' && c.tagName === 'p' && c !== h1 && titleKey(plainText(c)) === key));
}
