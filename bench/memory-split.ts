// The process's RSS split by the kind of mapping it is in (/proc/self/smaps, Linux only): the main
// thread's malloc heap (brk), the other threads' malloc arenas (glibc maps each 64 MB-aligned), files
// (code, fonts mapped), and the remaining anonymous memory (V8's heaps of every thread, WebAssembly
// memory, large mallocs). Tells which grows with a build's sources (bench/README.md, Session 11).
import { readFileSync } from 'node:fs';

export interface MemorySplit {
  brkMb: number;
  arenasMb: number;
  anonMb: number;
  filesMb: number;
}

const ARENA = 64n << 20n;

/** The split, in MB; undefined where /proc/self/smaps cannot be read. */
export function memorySplit(): MemorySplit | undefined {
  let text: string;
  try {
    text = readFileSync('/proc/self/smaps', 'utf8');
  } catch {
    return undefined;
  }
  const kb = { brk: 0, arenas: 0, anon: 0, files: 0 };
  let kind: keyof typeof kb | undefined;
  let arenaEnd = 0n;
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (m) {
      const start = BigInt(`0x${m[1]}`);
      const end = BigInt(`0x${m[2]}`);
      const name = m[4];
      if (name === '[heap]') kind = 'brk';
      else if (name && !name.startsWith('[')) kind = 'files';
      else if (name) kind = 'anon';
      else if (start % ARENA === 0n && end - start <= ARENA && m[3].startsWith('rw')) {
        kind = 'arenas';
        arenaEnd = start + ARENA;
      } else kind = start < arenaEnd ? 'arenas' : 'anon';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && kind) kb[kind] += Number(rss[1]);
  }
  const mb = (n: number) => Math.round(n / 1024);
  return { brkMb: mb(kb.brk), arenasMb: mb(kb.arenas), anonMb: mb(kb.anon), filesMb: mb(kb.files) };
}
