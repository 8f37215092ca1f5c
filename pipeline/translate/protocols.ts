// The three engine protocols: the HTTP request for one segment and the English in the answer.
//   openai          POST {endpoint}/chat/completions (llama.cpp server, vLLM, Ollama, LM Studio, hosted)
//   deepl           POST {endpoint}/v2/translate, with a glossary (see deepl-glossary.ts) and `context`
//   libretranslate  POST {endpoint}/translate; it has neither glossaries nor context, so the required
//                   English of each term is put in place of the Chinese before sending
// Every request carries the segment's glossary terms (required English, forbidden variants).
import type { EngineSettings } from './settings.js';

export interface TermHint {
  /** The Chinese form found in the segment. */
  zh: string;
  /** The English the translation must use. */
  en: string;
  /** English the translation must not use. */
  forbidden: string[];
}

export interface SegmentRequest {
  id: string;
  text: string;
  terms: TermHint[];
  /** Neighbouring sentences of the document, for context (not to translate). */
  before: string[];
  after: string[];
}

export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export const SYSTEM_PROMPT =
  'You translate Chinese policy and news texts into English for a one-page briefing. Translate only the text under SEGMENT; ' +
  'the context is for understanding and is not translated. Use exactly the required English of each glossary term and never ' +
  'a variant marked "do not use". Keep every number, date and name. Reply with the English translation only: no notes, no quotes, no Chinese.';

/** The user message of a chat request: glossary, context, then the segment. */
export function chatPrompt(seg: SegmentRequest): string {
  const lines: string[] = [];
  if (seg.terms.length) {
    lines.push('GLOSSARY (Chinese → required English):');
    for (const t of seg.terms) lines.push(`- ${t.zh} → ${t.en}${t.forbidden.length ? ` (do not use: ${t.forbidden.join('; ')})` : ''}`);
    lines.push('');
  }
  if (seg.before.length) lines.push('CONTEXT BEFORE:', ...seg.before, '');
  if (seg.after.length) lines.push('CONTEXT AFTER:', ...seg.after, '');
  lines.push('SEGMENT:', seg.text);
  return lines.join('\n');
}

/** Longest Chinese forms first, each replaced by its required English (LibreTranslate keeps Latin text). */
export function withTermsInPlace(text: string, terms: readonly TermHint[]): string {
  let out = text;
  for (const t of [...terms].sort((a, b) => b.zh.length - a.zh.length)) out = out.split(t.zh).join(` ${t.en} `);
  return out.replace(/ {2,}/g, ' ').trim();
}

function authHeaders(s: EngineSettings): Record<string, string> {
  if (!s.apiKey) return {};
  return s.engine === 'deepl' ? { authorization: `DeepL-Auth-Key ${s.apiKey}` } : s.engine === 'openai' ? { authorization: `Bearer ${s.apiKey}` } : {};
}

export function buildRequest(s: EngineSettings, seg: SegmentRequest, opts: { glossaryId?: string } = {}): HttpRequest {
  const headers = { 'content-type': 'application/json', accept: 'application/json', ...authHeaders(s) };
  switch (s.engine) {
    case 'openai':
      return {
        url: `${s.endpoint}/chat/completions`,
        headers,
        body: {
          model: s.model,
          temperature: 0,
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            { role: 'user', content: chatPrompt(seg) },
          ],
        },
      };
    case 'deepl': {
      const context = [...seg.before, ...seg.after].join('\n');
      // DeepL has no "do not use" list: the glossary enforces the required English; the rest is in context
      const avoid = seg.terms.filter((t) => t.forbidden.length).map((t) => `${t.en} (not ${t.forbidden.join(', ')})`);
      return {
        url: `${s.endpoint}/v2/translate`,
        headers,
        body: {
          text: [seg.text],
          source_lang: 'ZH',
          target_lang: 'EN-GB',
          ...(context || avoid.length ? { context: [context, avoid.length ? `Terms: ${avoid.join('; ')}` : ''].filter(Boolean).join('\n') } : {}),
          ...(opts.glossaryId ? { glossary_id: opts.glossaryId } : {}),
          ...(s.model !== 'default' ? { model_type: s.model } : {}),
        },
      };
    }
    case 'libretranslate':
      return {
        url: `${s.endpoint}/translate`,
        headers,
        body: { q: withTermsInPlace(seg.text, seg.terms), source: 'zh', target: 'en', format: 'text', ...(s.apiKey ? { api_key: s.apiKey } : {}) },
      };
  }
}

/** The English in an engine's answer, or an Error saying what the answer lacked. */
export function parseAnswer(s: EngineSettings, json: unknown): string | Error {
  const j = json as Record<string, any>;
  let text: unknown;
  if (s.engine === 'openai') text = j?.choices?.[0]?.message?.content;
  else if (s.engine === 'deepl') text = j?.translations?.[0]?.text;
  else text = j?.translatedText;
  if (typeof text !== 'string') return new Error('the answer holds no translation');
  const clean = text
    .replace(/<think>[\s\S]*?<\/think>/g, '')
    .trim()
    .replace(/^["“'‘]([\s\S]*)["”'’]$/u, '$1')
    .trim();
  if (!clean) return new Error('the translation is empty');
  return clean;
}
