// Writing glossary entries as YAML in the hand-edited style of glossary/*.yaml (block mappings,
// flow lists for variants and sources), so suggestions and imports read like the shipped files.
import type { ForbiddenVariant, Lang } from '../model.js';
import type { EntryOut } from './import.js';

const RESERVED = /^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*)?(?:\.\d+)?(?:e[-+]?\d+)?|\.inf|\.nan)$/i;

/** A YAML scalar: plain when that is safe, double-quoted (JSON escapes are valid YAML) otherwise. */
export function scalar(s: string, inFlow = false): string {
  const unsafe =
    s === '' ||
    RESERVED.test(s) ||
    /^[\s\-?:,\[\]{}#&*!|>'"%@`]/.test(s) ||
    /\s$/.test(s) ||
    /: |\s#|[\n\r\t]/.test(s) ||
    s.endsWith(':') ||
    (inFlow && /[,\[\]{}]/.test(s));
  return unsafe ? JSON.stringify(s) : s;
}

const flow = (xs: string[]) => `[${xs.map((x) => scalar(x, true)).join(', ')}]`;
const LANGS: Lang[] = ['zh-Hans', 'zh-Hant', 'en'];

export function entryYaml(e: EntryOut, comments: string[] = []): string {
  const L: string[] = [];
  for (const c of comments) L.push(`# ${c.replace(/\n/g, ' ')}`);
  const fields: string[] = [];
  const put = (k: string, v: string) => fields.push(`${k}: ${v}`);
  if (e.id) put('id', scalar(e.id));
  put('zh-Hans', scalar(e['zh-Hans']));
  if (e['zh-Hant']) put('zh-Hant', scalar(e['zh-Hant']));
  if (e['hant-intended']) put('hant-intended', 'true');
  put('en', scalar(e.en));
  const vs = LANGS.filter((l) => e.variants?.[l]?.length);
  if (vs.length) {
    fields.push('variants:');
    for (const l of vs) fields.push(`  ${l}: ${flow(e.variants![l]!)}`);
  }
  const fs = LANGS.filter((l) => e.forbidden?.[l]?.length);
  if (fs.length) {
    fields.push('forbidden:');
    for (const l of fs) {
      fields.push(`  ${l}:`);
      for (const f of e.forbidden![l]! as ForbiddenVariant[]) {
        fields.push(`    - term: ${scalar(f.term)}`);
        if (f.use) fields.push(`      use: ${scalar(f.use)}`);
      }
    }
  }
  put('category', e.category);
  if (e.note) put('note', scalar(e.note));
  if (e.sources?.length) put('sources', flow(e.sources));
  if (e.domain) put('domain', scalar(e.domain));
  if (e.subject?.length) put('subject', flow(e.subject));
  if (e.generic) put('generic', 'true');
  if (e.evidence?.length) {
    fields.push('evidence:');
    for (const ev of e.evidence) fields.push(`  - ${scalar(ev)}`);
  }
  fields.forEach((f, i) => L.push(i === 0 ? `- ${f}` : `  ${f}`));
  return L.join('\n') + '\n';
}

export function entriesYaml(entries: { entry: EntryOut; comments?: string[] }[], header: string[] = []): string {
  const head = header.map((h) => `# ${h}`).join('\n');
  const body = entries.map((e) => entryYaml(e.entry, e.comments)).join('\n');
  return (head ? head + '\n\n' : '') + body;
}
