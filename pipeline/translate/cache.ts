// Engine answers kept on disk, so a second run asks the engine nothing it asked before: one JSON file
// per key under out/.briefs-translate-cache/. The key is a digest of the segment id, its text, the
// engine, the model and the digest of the glossary terms sent with it. Files are written atomically
// and only ever parsed as JSON data.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeAtomicSync } from '../build/atomic.js';
import { digestJson } from '../build/digest.js';

export const CACHE_DIR = '.briefs-translate-cache';

export interface CacheKey {
  id: string;
  text: string;
  engine: string;
  model: string;
  glossary: string;
}

export class TranslationCache {
  constructor(readonly dir: string) {}

  static inOut(outDir: string): TranslationCache {
    return new TranslationCache(path.join(outDir, CACHE_DIR));
  }

  private file(key: CacheKey): string {
    const d = digestJson({ id: key.id, text: key.text, engine: key.engine, model: key.model, glossary: key.glossary });
    return path.join(this.dir, d.slice(0, 2), `${d}.json`);
  }

  get(key: CacheKey): string | undefined {
    const f = this.file(key);
    if (!existsSync(f)) return undefined;
    try {
      const v = JSON.parse(readFileSync(f, 'utf8')) as { target?: unknown; key?: CacheKey };
      // a digest collision or a hand-edited file is not this segment's answer
      if (typeof v.target !== 'string' || !v.target.trim() || v.key?.id !== key.id || v.key?.text !== key.text) return undefined;
      return v.target;
    } catch {
      return undefined;
    }
  }

  set(key: CacheKey, target: string): void {
    writeAtomicSync(this.file(key), JSON.stringify({ key, target }) + '\n');
  }
}
