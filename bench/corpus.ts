// A synthetic corpus for the scale bench: new reports and articles made by recombining the blocks
// (paragraph runs between blank lines) of the seeds, with a seeded PRNG so every run makes the same corpus:
// each source is the seed's opening and a different subset of its other blocks, in the seed's order.
import { readFileSync, mkdirSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import path from 'node:path';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function blocks(text: string): string[] {
  return text.split(/\n{2,}/).map((b) => b.trim()).filter((b) => b.length > 0);
}

/** The first line of a report's note: its number (digits or superscripts), then the reference. */
const NOTE = /^[0-9\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3}(?:[ \t\u3000]+\S|[“"*A-Z])/;
const URL_BLOCK = /^<?https?:\/\//;

/** Writes `count` sources under `dir/sources` (half reports, half news) and copies glossary + templates. */
export function makeCorpus(root: string, dir: string, count: number): void {
  const report = readFileSync(path.join(root, 'sources/siis-2025-common-security/source.txt'), 'utf8');
  const news = readFileSync(path.join(root, 'sources/thepaper-2023-xiangshan-forum/source.md'), 'utf8');
  const rBlocks = blocks(report);
  const nBlocks = blocks(news);
  // keep each genre's front matter (cover / headline + byline) and take a sample of the body
  const rHead = rBlocks.slice(0, 12);
  // the report's notes (a number, then the reference; its URL may stand in a block of its own) belong
  // at the foot of the page that cites them: moved between other paragraphs they are no longer notes
  const rBody = rBlocks.slice(12).filter((b) => !NOTE.test(b) && !URL_BLOCK.test(b));
  const nHead = nBlocks.slice(0, 4);
  const nBody = nBlocks.slice(4);
  const rand = mulberry32(count);
  // n different blocks, in the order they have in the seed: drawn with repetition, a source held the
  // same paragraph twice (its brief then repeated an item, brief:duplicate: 3 of 100 and 7 of 500
  // sources failed). With the notes, a bare URL read as body text became an item (brief:markup-residue).
  const pick = (xs: string[], n: number) => {
    const idx = xs.map((_, i) => i);
    const k = Math.min(n, idx.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rand() * (idx.length - i));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx
      .slice(0, k)
      .sort((a, b) => a - b)
      .map((i) => xs[i]);
  };
  mkdirSync(path.join(dir, 'sources'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const slug = `synthetic-${String(i + 1).padStart(4, '0')}`;
    const sdir = path.join(dir, 'sources', slug);
    mkdirSync(sdir, { recursive: true });
    if (i % 2 === 0) {
      const body = [...rBody.slice(0, 20), ...pick(rBody.slice(20), 60)];
      writeFileSync(path.join(sdir, 'source.txt'), [...rHead, ...body].join('\n\n') + '\n');
    } else {
      writeFileSync(path.join(sdir, 'source.md'), [...nHead, ...pick(nBody, 25)].join('\n\n') + '\n');
    }
  }
  for (const d of ['glossary', 'templates'])
    if (existsSync(path.join(root, d))) cpSync(path.join(root, d), path.join(dir, d), { recursive: true });
}

/** The large-source cases of the bench (issue #13): how each is made from a seed. */
export const LARGE_CASES = {
  /** the seed report repeated */
  report: { seed: 'sources/siis-2025-common-security/source.txt', file: 'source.txt', oneLine: false },
  /** the seed report's text without its newlines, repeated: one line */
  'one-line': { seed: 'sources/siis-2025-common-security/source.txt', file: 'source.txt', oneLine: true },
  /** the news seed (Markdown) repeated */
  news: { seed: 'sources/thepaper-2023-xiangshan-forum/source.md', file: 'source.md', oneLine: false },
} as const;

export type LargeCase = keyof typeof LARGE_CASES;

/**
 * Writes `dir/sources/large-<case>/<file>` of exactly `mib` MiB (cut at a character boundary) by
 * repeating a seed, and copies glossary + templates beside it. Made at bench time, never committed.
 */
export function makeLargeSource(root: string, dir: string, which: LargeCase, mib: number): string {
  const c = LARGE_CASES[which];
  let unit = readFileSync(path.join(root, c.seed), 'utf8');
  if (c.oneLine) unit = unit.replace(/\r?\n/g, '');
  else if (!unit.endsWith('\n\n')) unit = unit.replace(/\n*$/, '\n\n');
  const size = Math.round(mib * 2 ** 20);
  const one = Buffer.from(unit, 'utf8');
  // a few bytes more than asked, to see where the character at the cut starts
  const buf = Buffer.alloc(size + 4);
  for (let at = 0; at < buf.length; at += one.length) one.copy(buf, at, 0, Math.min(one.length, buf.length - at));
  // never end inside a UTF-8 sequence: back to the start of the character at the cut
  let end = size;
  while (end > 0 && (buf[end] & 0xc0) === 0x80) end--;
  const slug = `large-${which}`;
  const sdir = path.join(dir, 'sources', slug);
  mkdirSync(sdir, { recursive: true });
  writeFileSync(path.join(sdir, c.file), buf.subarray(0, end));
  // a text of one line has no title of its own; the bench measures cost, so it is given one
  if (c.oneLine) writeFileSync(path.join(sdir, 'meta.yaml'), `title: 单行长文本（${mib} MiB）\n`);
  for (const d of ['glossary', 'templates'])
    if (existsSync(path.join(root, d)) && !existsSync(path.join(dir, d))) cpSync(path.join(root, d), path.join(dir, d), { recursive: true });
  return slug;
}
