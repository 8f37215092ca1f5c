// Where `briefs translate` takes its engine from, and that a key is never taken from a file.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig, resolveSettings } from '../../pipeline/translate/settings.js';
import { UserError } from '../../pipeline/diagnostics.js';

function withConfig<T>(text: string, fn: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-mtcfg-'));
  try {
    writeFileSync(path.join(dir, 'briefs.config.yaml'), text);
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('engine settings', () => {
  it('flags over environment over briefs.config.yaml', () => {
    const config = withConfig('translate:\n  engine: libretranslate\n  endpoint: http://127.0.0.1:5000\n  model: lt\n', readConfig);
    expect(resolveSettings({}, {}, config)).toEqual({ engine: 'libretranslate', endpoint: 'http://127.0.0.1:5000', model: 'lt' });
    const env = { BRIEFS_MT_ENGINE: 'openai', BRIEFS_MT_ENDPOINT: 'http://127.0.0.1:8080/v1/', BRIEFS_MT_MODEL: 'qwen2.5', BRIEFS_MT_API_KEY: 'k' };
    expect(resolveSettings({}, env, config)).toEqual({ engine: 'openai', endpoint: 'http://127.0.0.1:8080/v1', model: 'qwen2.5', apiKey: 'k' });
    expect(resolveSettings({ model: 'llama3' }, env, config).model).toBe('llama3');
  });

  it('DeepL needs no endpoint or model; a free key goes to the free host', () => {
    expect(resolveSettings({ engine: 'deepl' }, { BRIEFS_MT_API_KEY: 'abc:fx' }, {})).toMatchObject({ endpoint: 'https://api-free.deepl.com', model: 'default' });
    expect(resolveSettings({ engine: 'deepl' }, { BRIEFS_MT_API_KEY: 'abc' }, {}).endpoint).toBe('https://api.deepl.com');
    // DeepL's own API without a key: a usage error before any request, naming the variable
    expect(() => resolveSettings({ engine: 'deepl' }, {}, {})).toThrow(/needs an API key: set BRIEFS_MT_API_KEY/);
    expect(resolveSettings({ engine: 'deepl', endpoint: 'http://127.0.0.1:9/' }, {}, {}).endpoint).toBe('http://127.0.0.1:9');
  });

  it('refuses a key in the config file, at its line', () => {
    let err: unknown;
    try {
      withConfig('translate:\n  engine: openai\n  api_key: sk-123\n', readConfig);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const d = (err as UserError).diagnostics[0];
    expect([d.ruleId, d.line, d.column]).toEqual(['key-in-file', 3, 3]);
    expect(d.reason).not.toContain('sk-123');
  });

  it('says what is missing or wrong', () => {
    expect(() => resolveSettings({}, {}, {})).toThrow(/no translation engine/);
    expect(() => resolveSettings({ engine: 'google' }, {}, {})).toThrow(/unknown engine "google"/);
    expect(() => resolveSettings({ engine: 'openai', endpoint: 'http://x' }, {}, {})).toThrow(/needs a model/);
    expect(() => resolveSettings({ engine: 'openai', model: 'm', endpoint: 'http://u:p@x' }, {}, {})).toThrow(/must not hold credentials/);
    expect(() => resolveSettings({ engine: 'libretranslate', endpoint: 'file:///etc' }, {}, {})).toThrow(/http or https/);
  });
});
