// Where draft English came from, in words for the brief's banner. Origins are `alignment` (the
// publisher's own English, aligned) or `mt:<engine>/<model>` (a machine translation engine).
export const DRAFT_BANNER = 'Draft translation — not reviewed';

/** "machine translation (openai, qwen2.5)", "the publisher’s English, aligned"; anything else as written. */
export function describeOrigin(origin: string): string {
  if (origin === 'alignment') return 'the publisher’s English, aligned';
  const m = /^mt:([^/]+)\/(.+)$/.exec(origin);
  if (m) return `machine translation (${m[1]}, ${m[2]})`;
  return origin;
}

/** The origin of a machine draft. */
export function mtOrigin(engine: string, model: string): string {
  return `mt:${engine}/${model}`;
}
