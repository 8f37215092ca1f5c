// The shape of a glossary term file (glossary/*.yaml): a list of entries. Validated with ajv on load;
// every error is mapped back to the YAML node it concerns (see load.ts).
import type { TermCategory } from '../model.js';

export const CATEGORIES: readonly TermCategory[] = [
  'concept',
  'person',
  'place',
  'organisation',
  'document',
  'event',
  'other',
];

/** Fields an entry may carry. `evidence` is written by `glossary suggest` and ignored by the loader. */
export const ENTRY_FIELDS = [
  'id',
  'zh-Hans',
  'zh-Hant',
  'hant-intended',
  'en',
  'variants',
  'forbidden',
  'category',
  'note',
  'sources',
  'evidence',
] as const;

const text = { type: 'string', minLength: 1, pattern: '^\\S(?:[\\s\\S]*\\S)?$' };
const textList = { type: 'array', items: text };
const perLang = (item: object) => ({
  type: 'object',
  additionalProperties: false,
  properties: { 'zh-Hans': item, 'zh-Hant': item, en: item },
});
const forbiddenItem = {
  type: 'object',
  additionalProperties: false,
  required: ['term'],
  properties: { term: text, use: text },
};

export const ENTRY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['zh-Hans', 'en', 'category'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
    'zh-Hans': text,
    'zh-Hant': text,
    'hant-intended': { type: 'boolean' },
    en: text,
    variants: perLang(textList),
    forbidden: perLang({ type: 'array', items: forbiddenItem }),
    category: { type: 'string', enum: CATEGORIES },
    note: text,
    sources: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$' } },
    evidence: {},
  },
} as const;

/** An empty file (null document) is allowed and checked before the schema. */
export const FILE_SCHEMA = { type: 'array', items: ENTRY_SCHEMA } as const;
