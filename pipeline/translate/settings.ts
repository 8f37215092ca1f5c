// Which engine `briefs translate` talks to: --engine/--endpoint/--model, else BRIEFS_MT_ENGINE/ENDPOINT/
// MODEL, else briefs.config.yaml (`translate: { engine, endpoint, model }`). The API key comes only from
// BRIEFS_MT_API_KEY: a key in the config file is refused, so it never lands in a repository.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { UserError, UsageError, diagnostic } from '../diagnostics.js';

export type EngineName = 'openai' | 'deepl' | 'libretranslate';
export const ENGINES: readonly EngineName[] = ['openai', 'deepl', 'libretranslate'];
export const CONFIG_FILE = 'briefs.config.yaml';

export interface EngineSettings {
  engine: EngineName;
  /** Base URL, no trailing slash. */
  endpoint: string;
  model: string;
  /** From the environment only; never printed. */
  apiKey?: string;
}

export interface SettingsInput {
  engine?: string;
  endpoint?: string;
  model?: string;
}

const DEFAULT_ENDPOINT: Partial<Record<EngineName, (key?: string) => string>> = {
  // DeepL's free keys end in ":fx" and have their own host
  deepl: (key) => (key?.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com'),
};
/** Engines that choose their own model: the model name is only a label in the origin. */
const DEFAULT_MODEL: Partial<Record<EngineName, string>> = { deepl: 'default', libretranslate: 'default' };

/** The `translate:` section of briefs.config.yaml in `dir`, when there is one. Located errors. */
export function readConfig(dir: string): SettingsInput {
  const file = path.join(dir, CONFIG_FILE);
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const p = lc.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new UserError(diagnostic({ rule: 'translate:bad-config', reason: `${CONFIG_FILE}: ${e.message.split('\n')[0]}`, file: CONFIG_FILE, place: at(e.pos[0]) }));
  }
  if (!isMap(doc.contents)) return {};
  const section = doc.contents.get('translate', true);
  if (section === undefined) return {};
  if (!isMap(section))
    throw new UserError(diagnostic({ rule: 'translate:bad-config', reason: '`translate:` must be a mapping (engine, endpoint, model)', file: CONFIG_FILE, place: at((section as { range?: number[] }).range?.[0]) }));
  const out: SettingsInput = {};
  for (const pair of section.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const place = at(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    if (/key|token|secret|password/i.test(key))
      throw new UserError(diagnostic({ rule: 'translate:key-in-file', reason: `${CONFIG_FILE} must not hold "${key}": the API key comes only from BRIEFS_MT_API_KEY`, file: CONFIG_FILE, place }));
    if (key !== 'engine' && key !== 'endpoint' && key !== 'model')
      throw new UserError(diagnostic({ rule: 'translate:bad-config', reason: `unknown setting translate.${key} (engine, endpoint, model)`, file: CONFIG_FILE, place }));
    const v = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof v !== 'string' || !v.trim())
      throw new UserError(diagnostic({ rule: 'translate:bad-config', reason: `translate.${key} must be a text`, file: CONFIG_FILE, place }));
    out[key] = v.trim();
  }
  return out;
}

/** Flags over environment over config file; a usage error names what is missing or wrong. */
export function resolveSettings(flags: SettingsInput, env: NodeJS.ProcessEnv, config: SettingsInput): EngineSettings {
  const pick = (k: keyof SettingsInput, envName: string) => flags[k] ?? (env[envName]?.trim() || undefined) ?? config[k];
  const engine = pick('engine', 'BRIEFS_MT_ENGINE');
  if (!engine) throw new UsageError(`no translation engine: pass --engine ${ENGINES.join('|')}, set BRIEFS_MT_ENGINE, or translate.engine in ${CONFIG_FILE}`);
  if (!ENGINES.includes(engine as EngineName)) throw new UsageError(`unknown engine "${engine}" (${ENGINES.join(', ')})`);
  const name = engine as EngineName;
  const apiKey = env.BRIEFS_MT_API_KEY?.trim() || undefined;
  const given = pick('endpoint', 'BRIEFS_MT_ENDPOINT');
  // DeepL's own API answers nothing without a key: say so before any request (a stand-in or proxy at an endpoint of one's own may not need one)
  if (name === 'deepl' && !apiKey && !given) throw new UsageError('the deepl engine needs an API key: set BRIEFS_MT_API_KEY (a key ending in :fx goes to the free API)');
  const endpoint = given ?? DEFAULT_ENDPOINT[name]?.(apiKey);
  if (!endpoint) throw new UsageError(`the ${name} engine needs an endpoint: --endpoint URL, BRIEFS_MT_ENDPOINT, or translate.endpoint in ${CONFIG_FILE}`);
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new UsageError(`the endpoint "${endpoint}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`the endpoint must be http or https, not ${url.protocol}`);
  if (url.username || url.password) throw new UsageError('the endpoint must not hold credentials: the key comes only from BRIEFS_MT_API_KEY');
  const model = pick('model', 'BRIEFS_MT_MODEL') ?? DEFAULT_MODEL[name];
  if (!model) throw new UsageError(`the ${name} engine needs a model: --model NAME, BRIEFS_MT_MODEL, or translate.model in ${CONFIG_FILE}`);
  if (/[\s/]/.test(model) && name !== 'openai') throw new UsageError(`model "${model}" contains a space or slash`);
  return { engine: name, endpoint: endpoint.replace(/\/+$/, ''), model, ...(apiKey ? { apiKey } : {}) };
}
