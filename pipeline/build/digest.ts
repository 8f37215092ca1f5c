// Content digests: what an output depends on is recorded as digests, so a rebuild can tell what changed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function digest(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 32);
}

export function digestFile(file: string): string {
  return digest(readFileSync(file));
}

/** Digest of a value via canonical JSON (object keys sorted), for structured inputs like glossary entries. */
export function digestJson(value: unknown): string {
  return digest(canonicalJson(value));
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}
