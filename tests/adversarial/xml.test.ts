// XML readers (XLIFF import, TBX import, sources/<slug>/en.xlf in qa and build) refuse DTDs and entity
// declarations with a located error: nothing a declared entity names is ever read, nothing is written.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findDtd } from '../../pipeline/xml.js';
import { parseXliff } from '../../pipeline/localize/xliff.js';
import { parseTbx } from '../../pipeline/glossary/exchange.js';
import { UserError } from '../../pipeline/diagnostics.js';
import { smallProject, run, hasStackTrace } from './helpers.js';

const MARKER = 'SECRET-MARKER-7f3a91';
const secretDir = mkdtempSync(path.join(os.tmpdir(), 'briefs-secret-'));
const secret = path.join(secretDir, 'secret.txt');
writeFileSync(secret, `${MARKER}\n`);

/** DOCTYPE internal subsets an attacker (or a careless tool) could send; each refused at line 2. */
const SUBSETS: Record<string, string> = {
  external: `<!DOCTYPE x [<!ENTITY e SYSTEM "file://${secret}">]>`,
  parameter: `<!DOCTYPE x [<!ENTITY % p SYSTEM "file://${secret}"> %p;]>`,
  huge: `<!DOCTYPE x [<!ENTITY e "${'x'.repeat(12_000)}">]>`,
  nested: `<!DOCTYPE x [<!ENTITY i "x"><!ENTITY j "&i;&i;">]>`,
};

function xliffWith(subset: string, ref = '&e;'): string {
  const r = subset.includes('"&i;&i;"') ? '&j;' : subset.includes('%p;') ? 'text' : ref;
  return `<?xml version="1.0" encoding="UTF-8"?>
${subset}
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-Hans" trgLang="en">
  <file id="demo">
    <unit id="s0000000000000001"><segment state="final"><source>共同安全简报</source><target>${r}</target></segment></unit>
  </file>
</xliff>
`;
}

function tbxWith(subset: string): string {
  const r = subset.includes('"&i;&i;"') ? '&j;' : subset.includes('%p;') ? 'text' : '&e;';
  return `<?xml version="1.0" encoding="UTF-8"?>
${subset}
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="zh-Hans"><termSec><term>共同安全</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>${r}</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
`;
}

/** Every file under dir, read as text (to prove the marker went nowhere). */
function allText(dir: string): string {
  let s = '';
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    s += statSync(p).isDirectory() ? allText(p) : readFileSync(p, 'latin1');
  }
  return s;
}

describe('findDtd', () => {
  it('finds an internal subset or an entity declaration, located', () => {
    expect(findDtd('<?xml version="1.0"?>\n  <!DOCTYPE x [<!ENTITY e "v">]>\n<x/>')).toEqual({ kind: 'internal-subset', offset: 24, place: { line: 2, column: 3 } });
    expect(findDtd('<x/>\n<!ENTITY e "v">')?.kind).toBe('entity');
    expect(findDtd('<!doctype x [ ]><x/>')?.kind).toBe('internal-subset');
  });
  it('accepts a DOCTYPE that only names a DTD, and DTD-like text in comments, CDATA or quotes', () => {
    expect(findDtd('<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "http://www.oasis-open.org/xliff[1].dtd">\n<xliff/>')).toBeUndefined();
    expect(findDtd('<x><!-- <!DOCTYPE y [ <!ENTITY e "v"> ]> --><![CDATA[<!ENTITY e "v">]]></x>')).toBeUndefined();
    expect(findDtd('<x a="&lt;!DOCTYPE y [">&lt;!ENTITY</x>')).toBeUndefined();
  });
  it('is linear: a 5 MB file of unclosed comment openers is scanned in about a second at most', () => {
    const t0 = performance.now();
    findDtd('<x>' + '<!--'.repeat(1_250_000));
    findDtd('<x>' + '<!x '.repeat(1_250_000));
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('parseXliff and parseTbx refuse DTDs and entities', () => {
  for (const [name, subset] of Object.entries(SUBSETS)) {
    it(`${name} entity: XLIFF → UserError at the DOCTYPE; TBX → one error diagnostic`, () => {
      let err: unknown;
      try {
        parseXliff(xliffWith(subset), 'in.xlf');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UserError);
      const d = (err as UserError).diagnostics[0];
      expect([d.source, d.ruleId, d.file, d.line, d.column]).toEqual(['localize', 'dtd-not-allowed', 'in.xlf', 2, 1]);
      expect(d.reason).toMatch(/DTDs and entity declarations are not accepted/);
      const tbx = parseTbx(tbxWith(subset), 'in.tbx');
      expect(tbx.entries).toEqual([]);
      expect(tbx.diagnostics.map((x) => [`${x.source}:${x.ruleId}`, x.line, x.column])).toEqual([['glossary:dtd-not-allowed', 2, 1]]);
    });
  }
});

describe('the CLI refuses them, located, exit 1, no stack trace, nothing read or written', () => {
  for (const [name, subset] of Object.entries(SUBSETS)) {
    it(`xliff import, ${name} entity`, () => {
      const dir = smallProject();
      writeFileSync(path.join(dir, 'in.xlf'), xliffWith(subset));
      const r = run(dir, 'xliff', 'import', 'in.xlf');
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/^in\.xlf:2:1: error: DTDs and entity declarations are not accepted.*\[localize:dtd-not-allowed\]$/m);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(existsSync(path.join(dir, 'sources/demo/en.xlf'))).toBe(false);
      expect(r.stdout + r.stderr + allText(dir)).not.toContain(MARKER);
    });

    it(`glossary import (TBX), ${name} entity`, () => {
      const dir = smallProject();
      writeFileSync(path.join(dir, 'in.tbx'), tbxWith(subset));
      const r = run(dir, 'glossary', 'import', 'in.tbx');
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/^in\.tbx:2:1: error: DTDs and entity declarations are not accepted.*\[glossary:dtd-not-allowed\]$/m);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(existsSync(path.join(dir, 'glossary/imported.yaml'))).toBe(false);
      expect(r.stdout + r.stderr + allText(dir)).not.toContain(MARKER);
    });
  }

  it('qa --json with such an en.xlf: one JSON object, ok:false, the diagnostic names en.xlf; exit 1', () => {
    const dir = smallProject();
    writeFileSync(path.join(dir, 'sources/demo/en.xlf'), xliffWith(SUBSETS.external));
    const r = run(dir, '--json', 'qa');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(out.ok).toBe(false);
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]).toMatchObject({ rule: 'localize:dtd-not-allowed', line: 2, column: 1, severity: 'error' });
    expect(out.diagnostics[0].file).toMatch(/sources[\\/]demo[\\/]en\.xlf$/);
    expect(r.stdout).not.toContain(MARKER);
    // for people: the same, located in en.xlf
    const human = run(dir, 'qa');
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/en\.xlf:2:1: error: DTDs and entity declarations are not accepted/);
    expect(hasStackTrace(human.stderr)).toBe(false);
  });

  it('build with such an en.xlf: the source fails, located in en.xlf, nothing of the entity anywhere', () => {
    const dir = smallProject();
    writeFileSync(path.join(dir, 'sources/demo/en.xlf'), xliffWith(SUBSETS.external));
    const r = run(dir, 'build');
    expect(r.code, r.stderr + r.stdout).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/en\.xlf:2:1: error: DTDs and entity declarations are not accepted.*\[localize:dtd-not-allowed\]/);
    expect(r.stdout + r.stderr).not.toMatch(/source\.txt: error: .*entit/i);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const j = run(dir, '--json', 'build');
    expect(j.code).toBe(1);
    const ds = j.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .flatMap((l) => (JSON.parse(l).diagnostics ?? []) as { rule: string; file?: string; line?: number }[]);
    expect(ds.find((d) => d.rule === 'localize:dtd-not-allowed')).toMatchObject({ line: 2 });
    expect(ds.find((d) => d.rule === 'localize:dtd-not-allowed')?.file).toMatch(/en\.xlf$/);
    expect(r.stdout + r.stderr + j.stdout + j.stderr + allText(dir)).not.toContain(MARKER);
  });
});
