// Reading a Word file back in tests: its parts (a small zip reader on Node's zlib) and its text
// (mammoth), and the text of a Markdown brief block by block, to compare the two.
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';

export interface ZipEntry {
  name: string;
  dosTime: number;
  dosDate: number;
  data: Buffer;
}

/** The entries of a zip file, from its central directory. */
export function readZip(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    out.push({ name, dosTime: zip.readUInt16LE(at + 12), dosDate: zip.readUInt16LE(at + 14), data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLen + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

export function zipPart(zip: Buffer, name: string): string {
  const e = readZip(zip).find((x) => x.name === name);
  if (!e) throw new Error(`no ${name} in the zip`);
  return e.data.toString('utf8');
}

/** The text paragraphs of a Word file as mammoth reads them (no empty ones). */
export async function docxParagraphs(docx: Buffer): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer: docx });
  return value.split('\n').map((s) => s.trim()).filter(Boolean);
}

/** The text of a Markdown brief as paragraphs: every heading, paragraph, list item and table cell, in order. */
export function markdownParagraphs(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(markdown) as Root;
  const out: string[] = [];
  const walk = (n: RootContent) => {
    switch (n.type) {
      case 'yaml':
        return;
      case 'heading':
      case 'paragraph':
      case 'code':
      case 'html':
        out.push(toString(n));
        return;
      case 'tableCell':
        out.push(toString(n));
        return;
      default:
        if ('children' in n) for (const c of n.children as RootContent[]) walk(c);
    }
  };
  for (const c of tree.children) walk(c);
  return out.map((s) => s.trim()).filter(Boolean);
}
