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
  'domain',
  'subject',
  'generic',
  'evidence',
] as const;

// The fields below are the glossary's own (model.ts's Term is shared by every stage; these three are
// read only by matching and the key-terms table, so they are declared here, next to their schema).
declare module '../model.js' {
  interface Term {
    /**
     * The subject the entry's sense belongs to (安全保障 is a security guarantee in international
     * security, social provision in a domestic report): matched as this entry only in a document of
     * that subject (see glossary/scope.ts).
     */
    domain?: string;
    /** Subjects a document that uses this entry is about (北约: international-security); matched everywhere. */
    subject?: string[];
    /** A name too general to explain anything in a brief (中国, 美国, 习近平): never a key term. */
    generic?: boolean;
  }
}

/** A subject's name: international-security, digital-economy. */
const SUBJECT = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

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
    domain: { type: 'string', pattern: SUBJECT },
    subject: { type: 'array', items: { type: 'string', pattern: SUBJECT } },
    generic: { type: 'boolean' },
    evidence: {},
  },
} as const;

/** An empty file (null document) is allowed and checked before the schema. */
export const FILE_SCHEMA = { type: 'array', items: ENTRY_SCHEMA } as const;
