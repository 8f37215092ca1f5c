// A budget or a final account (预算, 决算: a department's or a government's) reports money: totals of income
// and spending, their shares, the change on the year before and why, how far the budget was carried out.
// Those figures are what an analyst quotes. The department's remit that such a document sets out first
// (主要职能: 履行…职责。组织编制并监督实施…。) says what the department does, every year alike — background, no
// finding of this year's account.
import type { SourceDoc } from '../../model.js';
import type { Unit } from '../units.js';
import { hasFigure } from '../formulaic.js';

/** A title that names the document as a budget or an account (…部门决算, …预算执行情况的报告, …预算草案). */
const ACCOUNTS_TITLE = /(?:预算|决算)(?:草案)?(?:执行情况)?(?:的?报告|说明|公开|情况|表)?(?:[（(][^）)]*[）)])?[”」》]?$/;

/** A section over a department's remit: 主要职能, 部门职责, 机构职能. */
const REMIT_HEADING = /职能|职责/;

/** A sentence that states a duty: it opens with the verb of a remit (履行…, 负责…, 组织编制…, 牵头…, 承担…). */
const REMIT_OPENING = /^(?:[0-9]{1,2}[.．、]\s*)?(?:履行|负责|承担|牵头|参与(?:编制|制定|拟订)|组织(?:编制|拟订|实施|指导|开展|协调)|拟订|贯彻执行|贯彻落实|完成[^。；]{0,16}交办)/;

export function isAccounts(doc: SourceDoc): boolean {
  return ACCOUNTS_TITLE.test((doc.meta.title ?? '').trim());
}

/** A statement of the department's remit: under a 职能/职责 heading, or opening with a duty's verb and stating no figure. */
export function remitStatement(u: Unit): boolean {
  if (u.path.some((s) => REMIT_HEADING.test(s.heading))) return true;
  return REMIT_OPENING.test(u.segment.text.trim()) && !hasFigure(u.segment.text);
}

/** What a sentence without a figure loses among an account's points: it states no total, share or change. */
export const NO_FIGURE_PENALTY = 0.2;
