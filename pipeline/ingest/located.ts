// Text that remembers where each of its characters came from in the original file, so that
// rejoined lines, removed markers and normalized punctuation still trace back to line:column.
import type { Place } from '../model.js';

export class Located {
  /** offs[i] is the offset in the decoded source of text[i]; offs.length === text.length. */
  constructor(
    readonly text: string,
    readonly offs: Int32Array,
  ) {}

  static from(text: string, start: number): Located {
    const offs = new Int32Array(text.length);
    for (let i = 0; i < text.length; i++) offs[i] = start + i;
    return new Located(text, offs);
  }

  static empty(): Located {
    return new Located('', new Int32Array(0));
  }

  static concat(parts: Located[]): Located {
    const text = parts.map((p) => p.text).join('');
    const offs = new Int32Array(text.length);
    let k = 0;
    for (const p of parts) {
      offs.set(p.offs, k);
      k += p.text.length;
    }
    return new Located(text, offs);
  }

  get length(): number {
    return this.text.length;
  }

  /** Offset of the first character (or -1 when empty). */
  get start(): number {
    return this.offs.length ? this.offs[0] : -1;
  }

  slice(from: number, to = this.text.length): Located {
    return new Located(this.text.slice(from, to), this.offs.slice(from, to));
  }

  /** The text's lines (split at "\n"), each trimmed, blank ones dropped. */
  nonBlankLines(): Located[] {
    const out: Located[] = [];
    let from = 0;
    for (let i = 0; i <= this.text.length; i++) {
      if (i === this.text.length || this.text[i] === '\n') {
        const piece = this.slice(from, i).trim();
        if (piece.length) out.push(piece);
        from = i + 1;
      }
    }
    return out;
  }

  trim(): Located {
    const m = /^\s*/.exec(this.text)!;
    const lead = m[0].length;
    const end = this.text.trimEnd().length;
    if (end <= lead) return Located.empty();
    return this.slice(lead, end);
  }

  /**
   * Replace every match of `re` (must be global) by `replacement(match)`.
   * Replacement characters take the offset of the first matched character.
   */
  replace(re: RegExp, replacement: string | ((m: RegExpExecArray) => string)): Located {
    if (!re.global) throw new Error('Located.replace needs a global RegExp');
    const parts: Located[] = [];
    let last = 0;
    re.lastIndex = 0;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      parts.push(this.slice(last, m.index));
      const rep = typeof replacement === 'string' ? replacement : replacement(m);
      const off = this.offs[m.index];
      const offs = new Int32Array(rep.length).fill(off);
      parts.push(new Located(rep, offs));
      last = m.index + m[0].length;
    }
    if (last === 0) return this;
    parts.push(this.slice(last));
    return Located.concat(parts);
  }

  /** Map each character one-to-one (same length), keeping offsets. */
  mapChars(fn: (ch: string, i: number, text: string) => string): Located {
    let out = '';
    for (let i = 0; i < this.text.length; i++) {
      const c = fn(this.text[i], i, this.text);
      if (c.length !== 1) throw new Error('mapChars must keep length');
      out += c;
    }
    return new Located(out, this.offs);
  }
}

/** Converts offsets in the decoded text to 1-based line and column. */
export class LineIndex {
  private readonly starts: number[];
  constructor(text: string) {
    this.starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  place(offset: number): Place {
    if (offset < 0) return { line: 1, column: 1 };
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
  get lineCount(): number {
    return this.starts.length;
  }
}
