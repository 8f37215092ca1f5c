// meta.yaml: facts about a source that its text does not say (or says wrongly). Optional, next to the
// source. Every value given here overrides what the parser found. Mistakes are reported at the key
// (file:line:column), as UserErrors: a wrong meta.yaml stops the source, it is never half-applied.
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { yamlDepthProblem } from '../yaml-limits.js';
import { UserError, diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Person, Place, SourceDoc, SourceKind, SourceMeta } from '../model.js';
import { makeSegment } from './segment.js';
import { Located, LineIndex } from './located.js';

/** What meta.yaml may say: any field of the source's metadata, and which parser reads the source. */
export type MetaOverrides = Partial<SourceMeta> & { kind?: SourceKind };

export const META_KEYS = [
  'title',
  'subtitle',
  'shortTitle',
  'authors',
  'institution',
  'outlet',
  'date',
  'series',
  'issue',
  'url',
  'image',
  'kind',
  'pin',
  'exclude',
  'extra',
] as const;

/** ISO 8601 to the precision known: 2025, 2025-07, 2025-07-16, 2025-07-16T08:30(:00). */
export const DATE_RE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?)?)?$/;

class Problems {
  readonly list: Diagnostic[] = [];
  constructor(
    readonly file: string,
    readonly lc: LineCounter,
  ) {}
  at(node: { range?: [number, number, number] | null } | null | undefined): Place | undefined {
    const off = node?.range?.[0];
    if (off === undefined) return undefined;
    const p = this.lc.linePos(off);
    return { line: p.line, column: p.col };
  }
  add(rule: string, reason: string, node: { range?: [number, number, number] | null } | null | undefined, expected?: string[]): void {
    this.list.push(diagnostic({ rule, reason, file: this.file, place: this.at(node), expected }));
  }
}

function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return undefined;
}

/** Parse and validate meta.yaml. Throws UserError (located) on syntax errors, unknown keys or wrong types. */
export function parseMeta(text: string, file: string): MetaOverrides {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  const pr = new Problems(file, lc);
  // nested too deep for the parser or for reading it: one located error (yaml-limits.ts)
  const deep = yamlDepthProblem(doc, text, lc);
  if (deep) throw new UserError(diagnostic({ rule: 'ingest:too-deep', file, place: deep.place, reason: `${file}: ${deep.reason}` }));
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const lp = e.linePos?.[0];
      pr.list.push(
        diagnostic({
          rule: 'ingest:meta-syntax',
          file,
          place: lp ? { line: lp.line, column: lp.col } : undefined,
          reason: `${file}: YAML syntax error: ${e.message.split('\n')[0]}`,
        }),
      );
    }
    throw new UserError(pr.list);
  }
  const out: MetaOverrides = {};
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return out; // empty file
  if (!isMap(root)) {
    pr.add('ingest:meta-type', `${file}: meta.yaml must be a map of keys (title, date, authors…)`, root as Node);
    throw new UserError(pr.list);
  }
  for (const pair of root.items as Pair<unknown, unknown>[]) {
    const keyNode = pair.key as Node | null;
    const key = scalarString(keyNode);
    const value = pair.value as Node | null;
    if (!key || !(META_KEYS as readonly string[]).includes(key)) {
      pr.add('ingest:meta-unknown-key', `${file}: unknown key "${key ?? String(keyNode)}" in meta.yaml`, keyNode, [...META_KEYS]);
      continue;
    }
    const where = value ?? keyNode;
    const str = (): string | undefined => {
      const s = scalarString(value);
      if (s === undefined || s === '') {
        pr.add('ingest:meta-type', `${file}: "${key}" must be a non-empty text`, where);
        return undefined;
      }
      return s;
    };
    const strList = (): string[] | undefined => {
      if (isScalar(value)) {
        const s = str();
        return s === undefined ? undefined : [s];
      }
      if (!isSeq(value)) {
        pr.add('ingest:meta-type', `${file}: "${key}" must be a list of texts`, where);
        return undefined;
      }
      const list: string[] = [];
      for (const item of value.items) {
        const s = scalarString(item);
        if (s === undefined || s === '') pr.add('ingest:meta-type', `${file}: every item of "${key}" must be a non-empty text`, item as Node);
        else list.push(s);
      }
      return list;
    };
    switch (key) {
      case 'title':
      case 'subtitle':
      case 'shortTitle':
      case 'institution':
      case 'outlet':
      case 'series':
      case 'issue':
      case 'url': {
        const s = str();
        if (s !== undefined) out[key] = s;
        break;
      }
      case 'date': {
        const s = str();
        if (s === undefined) break;
        const norm = s.replace(' ', 'T');
        if (!DATE_RE.test(norm)) {
          pr.add('ingest:meta-date', `${file}: "date" must be ISO 8601 to the precision known (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM)`, where, [
            'YYYY',
            'YYYY-MM',
            'YYYY-MM-DD',
            'YYYY-MM-DDTHH:MM',
          ]);
        } else out.date = norm;
        break;
      }
      case 'kind': {
        const s = str();
        if (s === undefined) break;
        if (s !== 'report' && s !== 'news') pr.add('ingest:meta-type', `${file}: "kind" must be report or news, not "${s}"`, where, ['report', 'news']);
        else out.kind = s;
        break;
      }
      case 'pin':
      case 'exclude': {
        const l = strList();
        if (l) out[key] = l;
        break;
      }
      case 'authors': {
        const items = isSeq(value) ? value.items : [value];
        const people: Person[] = [];
        for (const item of items) {
          const s = scalarString(item);
          if (s) {
            people.push({ name: s });
            continue;
          }
          if (isMap(item)) {
            let name: string | undefined;
            let role: string | undefined;
            let ok = true;
            for (const p of item.items as Pair<unknown, unknown>[]) {
              const k = scalarString(p.key);
              const v = scalarString(p.value);
              if (k === 'name' && v) name = v;
              else if (k === 'role' && v) role = v;
              else {
                ok = false;
                pr.add(
                  'ingest:meta-type',
                  k === 'name' || k === 'role' ? `${file}: author "${k}" must be a non-empty text` : `${file}: unknown author key "${k}" (use name, role)`,
                  p.key as Node,
                  ['name', 'role'],
                );
              }
            }
            if (!name) {
              if (ok) pr.add('ingest:meta-type', `${file}: every author needs a name`, item);
              continue;
            }
            people.push(role ? { name, role } : { name });
            continue;
          }
          pr.add('ingest:meta-type', `${file}: "authors" must be a list of names or {name, role}`, (item as Node) ?? where);
        }
        out.authors = people;
        break;
      }
      case 'image': {
        const s = scalarString(value);
        if (s) {
          out.image = { url: s };
          break;
        }
        if (!isMap(value)) {
          pr.add('ingest:meta-type', `${file}: "image" must be a URL or {url, caption}`, where);
          break;
        }
        let url: string | undefined;
        let caption: string | undefined;
        for (const p of value.items as Pair<unknown, unknown>[]) {
          const k = scalarString(p.key);
          const v = scalarString(p.value);
          if (k === 'url' && v) url = v;
          else if (k === 'caption' && v) caption = v;
          else pr.add('ingest:meta-type', `${file}: "image" takes url and caption (texts)`, p.key as Node, ['url', 'caption']);
        }
        if (!url) pr.add('ingest:meta-type', `${file}: "image" needs a url`, where);
        else out.image = caption ? { url, caption } : { url };
        break;
      }
      case 'extra': {
        if (!isMap(value)) {
          pr.add('ingest:meta-type', `${file}: "extra" must be a map of names to texts`, where);
          break;
        }
        const extra: Record<string, string> = {};
        for (const p of value.items as Pair<unknown, unknown>[]) {
          const k = scalarString(p.key);
          const v = scalarString(p.value);
          if (!k || v === undefined) pr.add('ingest:meta-type', `${file}: every value in "extra" must be a text`, (p.value as Node) ?? (p.key as Node));
          else extra[k] = v;
        }
        out.extra = extra;
        break;
      }
    }
  }
  if (pr.list.length) throw new UserError(pr.list);
  return out;
}

/**
 * Apply meta.yaml to a parsed document: every value given overrides what the parser found; `extra`
 * is merged. When the title (or subtitle, short title) comes from meta.yaml, its segment is rebuilt
 * so the brief's title stays translatable; it keeps the place of the title in the source, if any.
 */
export function applyMeta(doc: SourceDoc, meta: MetaOverrides): SourceDoc {
  const m: SourceMeta = { ...doc.meta };
  const simple = ['title', 'subtitle', 'shortTitle', 'institution', 'outlet', 'date', 'series', 'issue', 'url'] as const;
  for (const k of simple) if (meta[k] !== undefined) m[k] = meta[k];
  if (meta.authors) m.authors = meta.authors;
  if (meta.image) m.image = meta.image;
  if (meta.pin) m.pin = meta.pin;
  if (meta.exclude) m.exclude = meta.exclude;
  if (meta.extra) m.extra = { ...(doc.meta.extra ?? {}), ...meta.extra };
  const kind = meta.kind ?? doc.kind;

  let titleSegments = doc.titleSegments;
  if (meta.title !== undefined || meta.subtitle !== undefined || meta.shortTitle !== undefined) {
    const place = doc.titleSegments[0]?.place ?? { line: 1, column: 1 };
    const one = new LineIndex('');
    const seg = (text: string) => {
      const existing = doc.titleSegments.find((s) => s.text === text);
      if (existing) return existing;
      const s = makeSegment(Located.from(text, 0), one);
      return { ...s, place };
    };
    titleSegments = [];
    if (m.title) titleSegments.push(seg(m.title));
    if (m.subtitle) titleSegments.push(seg(m.subtitle));
    if (m.shortTitle && m.shortTitle !== m.title) titleSegments.push(seg(m.shortTitle));
  }
  return { ...doc, kind, meta: m, titleSegments };
}
