// `briefs build --explain <slug>`: why each item was chosen, readably.
import type { ExplainedItem } from './pick.js';
import { WEIGHTS } from './rank.js';

const f = (x: number) => x.toFixed(3);

/**
 * One block per slot; per item: score, how it was chosen, the components of the score
 * (centrality × weight, position/structure prior with its reasons, glossary weight with the terms,
 * redundancy penalty), its place in the source and its text.
 */
export function formatExplanation(items: readonly ExplainedItem[], opts: { slug?: string; width?: number } = {}): string {
  const width = opts.width ?? 60;
  const lines: string[] = [];
  if (opts.slug) lines.push(`# ${opts.slug}`);
  lines.push(`score = ${WEIGHTS.centrality}·centrality + prior + ${WEIGHTS.glossary}·glossary  (MMR: − redundancy)`);
  let slot = '';
  for (const it of items) {
    if (it.slot !== slot) {
      slot = it.slot;
      lines.push('', `## ${slot}`);
    }
    const c = it.components;
    const text = [...it.text].length > width ? [...it.text].slice(0, width).join('') + '…' : it.text;
    lines.push(`${it.position + 1}. [${f(it.score)}] ${it.why}${it.place ? ` @ ${it.place}` : ''}`);
    lines.push(`   ${text}`);
    const parts = [
      `centrality ${f(c.centrality)}`,
      `prior ${f(c.prior)}${c.priorReasons.length ? ` (${c.priorReasons.join(', ')})` : ''}`,
      `glossary ${f(c.glossary)}${c.terms.length ? ` (${c.terms.join(', ')})` : ''}`,
    ];
    if (c.redundancy) parts.push(`redundancy −${f(c.redundancy)}`);
    lines.push(`   ${parts.join('; ')}`);
    lines.push(`   segments: ${it.segmentIds.join(' ')}`);
  }
  return lines.join('\n') + '\n';
}
