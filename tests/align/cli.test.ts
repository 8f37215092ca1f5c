// `briefs align <slug>` as a user runs it: drafts into en.xlf, the counts and the doubtful pairs
// reported, reviewed English never replaced, and clear errors.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { briefs, hasStackTrace } from '../e2e/helpers.js';
import { parseXliff } from '../../pipeline/localize/xliff.js';

const ZH = ['# 试点办法', ''];
const EN = ['# Pilot Measures', ''];
for (let k = 1; k <= 10; k++) {
  ZH.push(`第${k}项措施适用于本市的试点企业，期限为${k + 1}年。各区应当在${k}个月内报送实施方案。`, '');
  EN.push(`Measure ${k} applies to pilot enterprises in the city for a period of ${k + 1} years. Each district shall submit its implementation plan within ${k} months.`, '');
}
// a pair that cannot be right: one word against a long paragraph
ZH.push('同意。', '');
EN.push('The delegations agreed, after a long debate over the wording of the second paragraph and of the annex on financing, to adopt the text as amended by the drafting committee at its final meeting.', '');

function project(withEnglish = true): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-align-'));
  mkdirSync(path.join(dir, 'sources', 'pilot'), { recursive: true });
  writeFileSync(path.join(dir, 'sources', 'pilot', 'source.md'), ZH.join('\n'));
  if (withEnglish) writeFileSync(path.join(dir, 'sources', 'pilot', 'source.en.md'), EN.join('\n'));
  return dir;
}
const run = (dir: string, ...args: string[]) => briefs(dir, ['--sources', 'sources', '--glossary', 'none', ...args]);
const units = (dir: string) => parseXliff(readFileSync(path.join(dir, 'sources', 'pilot', 'en.xlf'), 'utf8')).files[0].units;

describe('briefs align', () => {
  it('writes kept pairs as alignment drafts with scores and reports the low-confidence ones, which it does not keep', () => {
    const dir = project();
    const r = run(dir, 'align', 'pilot');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/kept \d+ pairs .* dropped [1-9]/);
    expect(r.stdout).toContain('low-confidence pairs (not kept)');
    expect(r.stdout).toContain('同意。');
    const xml = readFileSync(path.join(dir, 'sources', 'pilot', 'en.xlf'), 'utf8');
    expect(xml).toContain('xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"');
    expect(xml).toContain('<mda:meta type="origin">alignment</mda:meta>');
    const us = units(dir);
    expect(us.length).toBeGreaterThanOrEqual(20);
    expect(us.every((u) => u.state === 'translated')).toBe(true);
    expect(us.some((u) => u.source === '同意。')).toBe(false);
    const m5 = us.find((u) => u.source === '第5项措施适用于本市的试点企业，期限为6年。');
    expect(m5?.target).toBe('Measure 5 applies to pilot enterprises in the city for a period of 6 years.');
  });

  it('never replaces reviewed English, and the JSON report counts what it left alone', () => {
    const dir = project();
    expect(run(dir, 'align', 'pilot').code).toBe(0);
    const file = path.join(dir, 'sources', 'pilot', 'en.xlf');
    const xml = readFileSync(file, 'utf8');
    const reviewed = xml
      .replace(/<segment state="translated">(\s*<source>第3项措施[^<]*<\/source>\s*)<target>[^<]*<\/target>/, '<segment state="reviewed">$1<target>Measure three, as the reviewer wrote it.</target>')
      .replace(/<segment state="translated">(\s*<source>第4项措施[^<]*<\/source>\s*)<target>[^<]*<\/target>/, '<segment state="final">$1<target>Measure four, final.</target>');
    expect(reviewed).not.toBe(xml);
    writeFileSync(file, reviewed);
    const r = run(dir, 'align', 'pilot', '--json');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.reviewedKept).toBe(2);
    expect(report.kept).toBeGreaterThan(report.added);
    expect(report.lowConfidence.some((p: { zh: string }) => p.zh.endsWith('同意。'))).toBe(true);
    const us = units(dir);
    expect(us.find((u) => u.source.startsWith('第3项措施'))).toMatchObject({ state: 'reviewed', target: 'Measure three, as the reviewer wrote it.' });
    expect(us.find((u) => u.source.startsWith('第4项措施'))).toMatchObject({ state: 'final', target: 'Measure four, final.' });
  });

  it('says where to put the English when there is none, and refuses a bad threshold, without a stack trace', () => {
    const dir = project(false);
    const r = run(dir, 'align', 'pilot');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/source\.md.*no English to align with.*source\.en\.md/s);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const bad = run(project(), 'align', 'pilot', '--threshold', 'high');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--threshold must be a number from 0 to 1');
  });
});
