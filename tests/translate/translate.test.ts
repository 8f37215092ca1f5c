// `briefs translate` against a stand-in engine on 127.0.0.1, for each of the three protocols.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { translateSources, type TranslateOptions } from '../../pipeline/translate/run.js';
import { resolveSettings, type EngineName } from '../../pipeline/translate/settings.js';
import { parseTm } from '../../pipeline/localize/tm.js';
import { fakeEngine, fakeEnglish, json, project, repo, segmentText, type FakeEngine } from './helpers.js';

const open: { close: () => unknown }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
});

async function setup(handler: Parameters<typeof fakeEngine>[0]) {
  const p = project();
  const engine = await fakeEngine(handler);
  open.push(engine, { close: p.cleanup });
  return { ...p, engine };
}

const FAST = { timeoutMs: 2_000, retries: 2, backoffMs: 10, maxRetryAfterMs: 5_000 };

function opts(engine: EngineName, url: string, extra: Partial<TranslateOptions> = {}): TranslateOptions {
  const env = { BRIEFS_MT_API_KEY: 'sk-test-secret' };
  return { slugs: [], settings: resolveSettings({ engine, endpoint: url, model: engine === 'openai' ? 'qwen2.5' : undefined }, env, {}), http: FAST, concurrency: 3, ...extra };
}

/** Answers every translation request of a protocol with a stand-in English, DeepL's glossary calls too. */
function answering(engine: EngineName) {
  return (req: any, res: any) => {
    if (req.path === '/v2/glossaries' && req.method === 'GET') return json(res, 200, { glossaries: [] });
    if (req.path === '/v2/glossaries') return json(res, 201, { glossary_id: 'g-123', name: req.body.name, ready: true });
    const en = fakeEnglish(segmentText(req.body));
    if (engine === 'openai') return json(res, 200, { choices: [{ message: { role: 'assistant', content: en } }] });
    if (engine === 'deepl') return json(res, 200, { translations: [{ detected_source_language: 'ZH', text: en }] });
    return json(res, 200, { translatedText: en });
  };
}

const isTranslation = (e: FakeEngine) => e.seen.filter((s) => !s.path.startsWith('/v2/glossaries'));

describe('request shape, per protocol', () => {
  it('openai: POST /chat/completions with the glossary terms, forbidden variants and the neighbours', async () => {
    const { ctx, xlf, engine } = await setup(answering('openai'));
    const res = await translateSources(ctx, opts('openai', engine.url + '/v1'));
    const reqs = isTranslation(engine);
    expect(reqs.length).toBeGreaterThan(3);
    expect(reqs.every((r) => r.method === 'POST' && r.path === '/v1/chat/completions')).toBe(true);
    expect(reqs[0].headers.authorization).toBe('Bearer sk-test-secret');
    const withTerm = reqs.find((r) => segmentText(r.body).includes('共同安全'))!;
    expect(withTerm).toBeDefined();
    expect(withTerm.body.model).toBe('qwen2.5');
    const prompt: string = withTerm.body.messages[1].content;
    expect(prompt).toMatch(/GLOSSARY[^\n]*\n(?:- [^\n]*\n)*- 共同安全 → common security/);
    expect(prompt).toMatch(/CONTEXT (BEFORE|AFTER):\n[^\n]*\p{Script=Han}/u);
    expect(withTerm.body.messages[0].content).toMatch(/do not use/);
    // every segment asked is a draft now
    const tm = parseTm(readFileSync(xlf, 'utf8'));
    expect(res.sources[0].failed).toEqual([]);
    expect(tm.size).toBe(reqs.length);
    for (const u of tm.units.values()) expect(u).toMatchObject({ state: 'translated', origin: 'mt:openai/qwen2.5' });
  });

  it('deepl: makes one glossary for the run, then /v2/translate with glossary_id and context', async () => {
    const { ctx, xlf, engine } = await setup(answering('deepl'));
    await translateSources(ctx, opts('deepl', engine.url));
    const made = engine.seen.filter((s) => s.path === '/v2/glossaries' && s.method === 'POST');
    expect(made).toHaveLength(1);
    expect(made[0].body).toMatchObject({ source_lang: 'zh', target_lang: 'en', entries_format: 'tsv' });
    expect(made[0].body.entries.split('\n')).toContain('共同安全\tcommon security');
    expect(made[0].body.name).toMatch(/^briefs-[0-9a-f]{16}$/);
    const reqs = isTranslation(engine);
    expect(reqs.every((r) => r.path === '/v2/translate')).toBe(true);
    expect(reqs[0].headers.authorization).toBe('DeepL-Auth-Key sk-test-secret');
    const withTerm = reqs.find((r) => segmentText(r.body).includes('共同安全'))!;
    expect(withTerm.body).toMatchObject({ source_lang: 'ZH', glossary_id: 'g-123' });
    expect(withTerm.body.context).toMatch(/\p{Script=Han}/u);
    expect(parseTm(readFileSync(xlf, 'utf8')).units.values().next().value).toMatchObject({ origin: 'mt:deepl/default' });
  });

  it('deepl: a glossary with the same entries is reused, not made again', async () => {
    let name = '';
    const { ctx, engine } = await setup((req, res) => {
      if (req.path === '/v2/glossaries' && req.method === 'GET') return json(res, 200, { glossaries: name ? [{ glossary_id: 'g-old', name }] : [] });
      if (req.path === '/v2/glossaries') {
        name = req.body.name;
        return json(res, 201, { glossary_id: 'g-new', name });
      }
      return answering('deepl')(req, res);
    });
    await translateSources(ctx, opts('deepl', engine.url));
    rmSync(path.join(ctx.outDir), { recursive: true, force: true });
    rmSync(path.join(ctx.sourcesDir, 'siis-2025-common-security', 'en.xlf'));
    engine.seen.length = 0;
    await translateSources(ctx, opts('deepl', engine.url));
    expect(engine.seen.filter((s) => s.path === '/v2/glossaries' && s.method === 'POST')).toHaveLength(0);
    expect(isTranslation(engine).find((r) => segmentText(r.body).includes('共同安全'))!.body.glossary_id).toBe('g-old');
  });

  it('libretranslate: POST /translate with the required English of each term in place', async () => {
    const { ctx, xlf, engine } = await setup(answering('libretranslate'));
    await translateSources(ctx, opts('libretranslate', engine.url));
    const reqs = isTranslation(engine);
    expect(reqs.every((r) => r.path === '/translate')).toBe(true);
    expect(reqs[0].body).toMatchObject({ source: 'zh', target: 'en', format: 'text', api_key: 'sk-test-secret' });
    // the Chinese term is sent as its required English; the rest of the sentence stays Chinese
    const withTerm = reqs.find((r) => r.body.q.includes('common security'))!;
    expect(withTerm.body.q).not.toContain('共同安全');
    expect(withTerm.body.q).toMatch(/\p{Script=Han}/u);
    expect(parseTm(readFileSync(xlf, 'utf8')).units.values().next().value).toMatchObject({ origin: 'mt:libretranslate/default' });
  });
});

describe('behaviour with the engine', () => {
  it('retries on 429 and 503, waiting as Retry-After says', async () => {
    const tries = new Map<string, number>();
    const { ctx, xlf, engine } = await setup((req, res) => {
      const text = segmentText(req.body);
      const n = (tries.get(text) ?? 0) + 1;
      tries.set(text, n);
      if (text.includes('共同安全') && n === 1) return json(res, 429, { error: 'slow down' }, { 'retry-after': '1' });
      if (text.includes('共同安全') && n === 2) return json(res, 503, { error: 'busy' }, { 'retry-after': '1' });
      return answering('openai')(req, res);
    });
    const res = await translateSources(ctx, opts('openai', engine.url, { concurrency: 1 }));
    expect(res.sources[0].failed).toEqual([]);
    const first = [...tries.keys()].find((t) => t.includes('共同安全'))!;
    const hits = engine.seen.filter((s) => segmentText(s.body) === first);
    expect(hits).toHaveLength(3);
    // the backoff is 10 ms here: only Retry-After makes each wait last a second
    expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(950);
    expect(hits[2].at - hits[1].at).toBeGreaterThanOrEqual(950);
    const tm = parseTm(readFileSync(xlf, 'utf8'));
    expect([...tm.units.values()].some((u) => u.source.includes('共同安全'))).toBe(true);
  });

  it('a request that gets no answer times out; that segment is left untranslated and reported, the others kept', async () => {
    const { ctx, xlf, engine } = await setup((req, res) => {
      if (segmentText(req.body).includes('共同安全')) return; // never answers
      return answering('openai')(req, res);
    });
    const res = await translateSources(ctx, opts('openai', engine.url, { http: { ...FAST, timeoutMs: 300, retries: 1 } }));
    const failed = res.sources[0].failed;
    expect(failed.length).toBeGreaterThan(0);
    const asked = isTranslation(engine);
    const hung = asked.filter((r) => segmentText(r.body).includes('共同安全'));
    // each hung segment was tried twice (one retry), then given up
    expect(hung.length).toBe(failed.length * 2);
    const d = res.diagnostics.find((x) => x.ruleId === 'segment-failed')!;
    expect(d.reason).toMatch(/no answer within 0.3 s \(after 2 attempts\)/);
    expect(d.line).toBeGreaterThan(0);
    expect(d.file).toMatch(/source\.txt$/);
    const tm = parseTm(readFileSync(xlf, 'utf8'));
    for (const id of failed) expect(tm.get(id)).toBeUndefined();
    expect(tm.size).toBe(res.sources[0].asked - failed.length);
    expect(tm.size).toBeGreaterThan(0);
  });

  it('a 400 is not retried; the segment fails, the others are kept', async () => {
    let bad = '';
    const { ctx, xlf, engine } = await setup((req, res) => {
      const text = segmentText(req.body);
      if (!bad) bad = text;
      if (text === bad) return json(res, 400, { error: 'bad request for sk-test-secret' });
      return answering('openai')(req, res);
    });
    const res = await translateSources(ctx, opts('openai', engine.url, { concurrency: 1 }));
    expect(engine.seen.filter((s) => segmentText(s.body) === bad)).toHaveLength(1);
    expect(res.sources[0].failed).toHaveLength(1);
    // the key never appears in what is reported, even when the engine echoes it
    expect(res.diagnostics.map((d) => d.reason).join('\n')).not.toContain('sk-test-secret');
    expect(res.diagnostics.map((d) => d.reason).join('\n')).toContain('HTTP 400');
    expect(parseTm(readFileSync(xlf, 'utf8')).size).toBe(res.sources[0].asked - 1);
  });

  it('a second run asks the engine nothing: answers come from the cache', async () => {
    const { ctx, xlf, engine } = await setup(answering('openai'));
    const first = await translateSources(ctx, opts('openai', engine.url));
    const asked = isTranslation(engine).length;
    expect(first.sources[0].fromCache).toBe(0);
    const before = readFileSync(xlf, 'utf8');
    // the drafts are gone from en.xlf (say, restored from version control): the cache brings them back
    rmSync(xlf);
    const second = await translateSources(ctx, opts('openai', engine.url));
    expect(isTranslation(engine).length).toBe(asked);
    expect(second.sources[0].fromCache).toBe(asked);
    expect(readFileSync(xlf, 'utf8')).toBe(before);
    // with en.xlf in place, nothing is asked and nothing written
    const mtime = statSync(xlf).mtimeMs;
    const third = await translateSources(ctx, opts('openai', engine.url));
    expect(third.sources[0].asked).toBe(0);
    expect(statSync(xlf).mtimeMs).toBe(mtime);
    // another model is another key
    await translateSources(ctx, { ...opts('openai', engine.url), all: true, settings: { ...opts('openai', engine.url).settings, model: 'other' } });
    expect(isTranslation(engine).length).toBeGreaterThan(asked);
    expect(existsSync(path.join(ctx.outDir, '.briefs-translate-cache'))).toBe(true);
  });

  it('the CLI exits 1 when a segment failed, keeps the rest, and never prints the key', async () => {
    const { dir, xlf, engine } = await setup((req, res) => {
      if (segmentText(req.body).includes('共同安全')) return json(res, 500, { error: 'boom sk-test-secret' });
      return answering('openai')(req, res);
    });
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(repo, 'bin', 'briefs.js'), 'translate', '--engine', 'openai', '--endpoint', engine.url, '--model', 'm', '--retries', '0'],
        { cwd: dir, env: { ...process.env, BRIEFS_MT_API_KEY: 'sk-test-secret' }, timeout: 60_000 },
        (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/source\.txt:\d+:\d+.*not translated by openai: HTTP 500/);
    expect(out.stdout + out.stderr).not.toContain('sk-test-secret');
    expect(parseTm(readFileSync(xlf, 'utf8')).size).toBeGreaterThan(0);
  });
});
