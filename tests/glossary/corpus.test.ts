import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readCorpus, docPieces, linePieces } from '../../pipeline/glossary/corpus.js';
import { loadSourceDoc } from '../../pipeline/build/load-source.js';
import { resolveContext } from '../../pipeline/context.js';
import { readFileSync } from 'node:fs';

const ctx = resolveContext({ sources: path.resolve('sources') });

describe('readCorpus (what the glossary tools mine and check)', () => {
  it('reads each source as ingested: segments, not the file’s lines with page furniture', async () => {
    const [report] = await readCorpus(ctx, ['siis-2025-common-security']);
    const { doc } = await loadSourceDoc(ctx, 'siis-2025-common-security');
    expect(report.pieces).toEqual(docPieces(doc));
    const lines = linePieces(readFileSync(report.file, 'utf8'));
    expect(report.pieces.length).not.toBe(lines.length);
  });

  it('reads the file’s lines when asked to', async () => {
    const [report] = await readCorpus(ctx, ['siis-2025-common-security'], { mode: 'lines' });
    expect(report.pieces).toEqual(linePieces(readFileSync(report.file, 'utf8')));
  });
});
