// A SourceDoc as a readable outline for `briefs parse`: title and meta, the section tree with what
// each section holds, footnotes, tables, quotes and their speakers. Deterministic text, no colours.
import type { Block, Person, Section, SourceDoc } from '../model.js';

export interface OutlineOptions {
  /** Characters shown of a list item, caption or quote before "…". */
  width?: number;
}

function abbrev(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return [...t].length > n ? [...t].slice(0, n).join('') + '…' : t;
}

function who(p: Person | undefined): string {
  if (!p) return '(unattributed)';
  return p.role ? `${p.name} (${p.role})` : p.name;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function blockSummary(sec: Section): string {
  const counts = new Map<string, number>();
  for (const b of sec.blocks) counts.set(b.type, (counts.get(b.type) ?? 0) + 1);
  const names: [Block['type'], string][] = [
    ['paragraph', 'paragraph'],
    ['list', 'list'],
    ['quote', 'block quote'],
    ['image', 'image'],
    ['table', 'table'],
  ];
  const parts = names.filter(([t]) => counts.get(t)).map(([t, w]) => plural(counts.get(t)!, w));
  let sentences = 0;
  for (const b of sec.blocks) {
    if (b.type === 'paragraph' || b.type === 'quote') sentences += b.segments.length;
    else if (b.type === 'list') sentences += b.lead.length + b.items.reduce((n, i) => n + i.segments.length, 0);
  }
  if (sentences) parts.push(plural(sentences, 'sentence'));
  return parts.join(', ') || 'empty';
}

export function formatOutline(doc: SourceDoc, opts: OutlineOptions = {}): string {
  const w = opts.width ?? 40;
  const out: string[] = [];
  const m = doc.meta;
  out.push(m.title ?? '(untitled)');
  if (m.subtitle) out.push(`  ${m.subtitle}`);
  out.push('');
  const line = (k: string, v: string | undefined) => {
    if (v) out.push(`${k.padEnd(12)}${v}`);
  };
  line('kind', `${doc.kind} (${doc.slug})`);
  if (doc.genre) line('genre', doc.genre);
  line('short title', m.shortTitle);
  line('authors', m.authors.map(who).join('; ') || undefined);
  line('institution', m.institution);
  line('outlet', m.outlet);
  line('date', m.date);
  line('series', [m.series, m.issue].filter(Boolean).join(' ') || undefined);
  line('url', m.url);
  line('keywords', m.keywords?.join('；'));
  if (m.image) line('image', m.image.caption ? `${m.image.url}\n${''.padEnd(12)}${abbrev(m.image.caption, w * 2)}` : m.image.url);
  for (const [k, v] of Object.entries(m.extra ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) line(k, abbrev(v, w * 2));
  if (m.pin?.length) line('pin', m.pin.join(', '));
  if (m.exclude?.length) line('exclude', m.exclude.join(', '));
  out.push('');

  const tables = new Map(doc.tables.map((t) => [t.id, t]));
  out.push(`Sections (${doc.sections.length})`);
  const walk = (secs: Section[], depth: number) => {
    for (const s of secs) {
      const pad = '  '.repeat(depth + 1);
      const head = s.heading ? `${s.number ? s.number + ' ' : ''}${s.heading}` : '(lead)';
      out.push(`${pad}${head}  [${s.kind}, line ${s.place.line}] — ${blockSummary(s)}`);
      for (const b of s.blocks) {
        if (b.type === 'list') {
          out.push(`${pad}  list (${b.style}, ${plural(b.items.length, 'item')})${b.lead.length ? ': ' + abbrev(b.lead.map((x) => x.text).join(''), w) : ''}`);
          for (const it of b.items) out.push(`${pad}    ${it.marker} ${abbrev(it.segments.map((x) => x.text).join(''), w)}`);
        } else if (b.type === 'table') {
          const t = tables.get(b.ref);
          out.push(`${pad}  table ${t?.label ?? b.ref}${t?.caption ? ' ' + t.caption : ''} (${plural(t?.rows.length ?? 0, 'row')})`);
          for (const r of t?.rows ?? []) out.push(`${pad}    ${abbrev(r.label, 16)}: ${abbrev(r.cells.map((c) => c.text).join(' | '), w)}`);
        } else if (b.type === 'image') {
          out.push(`${pad}  image ${b.url}${b.caption.length ? ' — ' + abbrev(b.caption.map((x) => x.text).join(''), w) : ''}`);
        } else if (b.type === 'quote') {
          out.push(`${pad}  block quote${b.speaker ? ' by ' + who(b.speaker) : ''}: ${abbrev(b.segments.map((x) => x.text).join(''), w)}`);
        }
      }
      walk(s.children, depth + 1);
    }
  };
  walk(doc.sections, 0);

  if (doc.footnotes.length) {
    out.push('');
    out.push(`Footnotes (${doc.footnotes.length}), ${doc.footnotes.reduce((n, f) => n + f.urls.length, 0)} URLs`);
  }
  if (doc.tables.length) {
    out.push('');
    out.push(`Tables (${doc.tables.length})`);
    for (const t of doc.tables)
      out.push(`  ${t.label ?? t.id}${t.caption ? ' ' + t.caption : ''}  [line ${t.place.line}] ${plural(t.rows.length, 'row')}: ${t.rows.map((r) => r.label).join(', ')}`);
  }
  if (doc.quotes.length) {
    out.push('');
    out.push(`Quotes (${doc.quotes.length})`);
    for (const q of doc.quotes) out.push(`  line ${q.place.line}  ${who(q.speaker)}: “${abbrev(q.text, w)}”`);
  }
  return out.join('\n') + '\n';
}
