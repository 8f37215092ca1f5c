// `briefs build --explain <slug>` (placeholder until selection lands).
import type { Context } from '../context.js';
import { UserError } from '../diagnostics.js';

export async function explainSources(_ctx: Context, _slugs: string[]): Promise<string> {
  throw new UserError('briefs build --explain is not available yet');
}
