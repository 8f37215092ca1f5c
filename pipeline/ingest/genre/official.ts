// Official documents of a state organ (公文): a resolution, decision, notice, announcement or opinion
// issued by an organ — its title names the issuer and the subject, then the type: <issuer>关于<subject>的
// 决议|决定|命令|公报|公告|通告|意见|通知|通报|批复. Like a law's enactment, the line right under the
// title that says when and by whom it was adopted (（2007年6月29日第十届…会议通过）) is metadata: its
// date becomes the document's date and its body the issuing institution, and it leaves the text, so no
// brief quotes it or runs it into the first sentence. A first paragraph that only repeats the title
// (a page setting its headline as text) leaves the text too. The body's sentences are the content.
import type { Block, Enactment, SourceDoc } from '../../model.js';
import { allSections } from '../walk.js';
import { enactmentOf } from './law.js';

/** The types of official document (党政机关公文处理工作条例), as a title ends with them. */
const TYPES = '决议|决定|命令|公报|公告|通告|意见|通知|通报|批复';
/** <issuer>关于<subject>的<type>, the issuer an organ's name (or several, spaced: 中共中央 国务院), or left out (关于…的通知). */
export const OFFICIAL_TITLE = new RegExp(`^(?:[\\p{Script=Han}（）()、\\s\\u3000]{2,40}?)?关于[\\s\\S]{2,120}?的(?:${TYPES})(?:[（(][^）)]{1,20}[）)])?$`, 'u');

const squash = (t: string) => t.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');

/** An official document by its title: an issuer, 关于, a subject, a type. */
export function isOfficialTitle(title: string | undefined): boolean {
  return !!title && OFFICIAL_TITLE.test(title.trim());
}

/** The document's number (发文字号): 劳社部发[2008]3号, 国发〔2018〕43号, 国能综通科技[2021]92号. */
const DOC_NUMBER = /^[\p{Script=Han}]{1,12}[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d{1,4}\s*号$/u;
/** Those it is addressed to (主送机关): 各省、自治区、直辖市人民政府，国务院各部委、各直属机构： */
const ADDRESSEES = /^各[^。；！？!?]{1,100}[：:]$/;

/** Lines of a page's facts run together: two "key：" labels or more and no sentence end (发布日期：2025-10-31发布机构：某委). */
const PAGE_FACTS = /^(?:[^，,。；;：:\s]{2,6}[：:][^。！？]*?){2,}$/;
/** A notice that issues or forwards another document: 关于印发《…》的通知, 关于转发…《…》的通知. */
const ISSUES_ANOTHER = /关于(?:印发|转发|下发|颁发)[\s\S]*?《[^》]+》[\s\S]*?的通知/;
/** The cover sentence handing the document over: …现印发给你们，请认真贯彻执行。 现将《…》转发给你们，请结合实际贯彻落实。 */
const TRANSMITTAL = /(?:印发|转发|下发|颁发|发)给你们[^。]{0,40}[。]?$/;

const texts = (b: Block | undefined) => (b?.type === 'paragraph' ? b.segments.map((x) => x.text) : []);

/**
 * Mark an official document: `doc.genre = 'official'`; the adoption line(s) before the first sentence of
 * content moved to meta.enactment (meta.date and meta.institution from them when the source gave none);
 * a paragraph repeating the title dropped. Returns the doc (changed in place). Laws are read first
 * (law.ts): a text of articles keeps its genre.
 */
export function readOfficial(doc: SourceDoc): SourceDoc {
  if (doc.genre || !isOfficialTitle(doc.meta.title)) return doc;
  doc.genre = 'official';
  const title = squash(doc.meta.title!);
  const transmits = ISSUES_ANOTHER.test(doc.meta.title!);
  const history: Enactment[] = [];
  // only the opening: the first paragraphs until one that is content
  let open = true;
  for (const s of allSections(doc.sections)) {
    if (!open) break;
    const keep: Block[] = [];
    for (const b of s.blocks) {
      if (!open) {
        keep.push(b);
        continue;
      }
      const t = texts(b);
      if (!t.length) {
        keep.push(b);
        if (b.type !== 'image') open = false;
        continue;
      }
      const lines = t.map(enactmentOf);
      if (lines.every((x) => x)) {
        history.push(...(lines as Enactment[]));
        continue;
      }
      if (squash(t.join('')) === title) continue;
      // the document's number and those it is addressed to: facts about the document, not its text
      const line = t.join('').trim();
      // a page's facts that no reader took (发布日期：… 发布机构：… 来源：…) come before the document: past them
      if (PAGE_FACTS.test(line)) {
        keep.push(b);
        continue;
      }
      // a notice issuing or forwarding a document (关于印发《X》的通知): its cover sentence hands X over
      // (《X》已经市政府同意，现印发给你们，请认真贯彻执行。) — how X was issued, a fact; X is the content
      if (transmits && TRANSMITTAL.test(line)) {
        doc.meta.extra = { ...(doc.meta.extra ?? {}), 印发: line };
        continue;
      }
      if (DOC_NUMBER.test(line) || ADDRESSEES.test(line)) {
        doc.meta.extra = { ...(doc.meta.extra ?? {}), [DOC_NUMBER.test(line) ? '文号' : '主送']: line };
        continue;
      }
      open = false;
      keep.push(b);
    }
    s.blocks = keep;
  }
  if (history.length) {
    doc.meta.enactment = history;
    doc.meta.date ??= history[0].date;
    const by = history.find((e) => e.body)?.body;
    if (by) doc.meta.institution ??= by;
  }
  return doc;
}
