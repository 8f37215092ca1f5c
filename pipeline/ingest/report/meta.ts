// Metadata from the cover (title, subtitle, institution, authors and roles, date, series, issue)
// and from the closing colophon (editors, address, copyright… kept in meta.extra).
import type { Person, SourceMeta } from '../../model.js';
import { normalizeText } from '../normalize.js';
import { chineseNumber } from '../enumerations.js';
import { isSalutation } from '../salutation.js';
import { westernYears } from '../title-date.js';
import type { Line } from './lines.js';
import { CJK_CHAR, endsSentence } from './lines.js';

const INSTITUTION_RE = /(?:研究院|研究所|研究中心|研究会|研究基地|大学|学院|基金会|智库|委员会|办公室|中心|协会|学会|人民政府|政府|Institutes?|University|Foundation|Council|Center|Centre)(?:\s*[（(][^）)]*[）)])?$/i;
const PERSON_KEYS: Record<string, string | undefined> = {
  作者: undefined,
  著者: undefined,
  撰稿: undefined,
  撰稿人: undefined,
  执笔: undefined,
  执笔人: undefined,
  课题组成员: undefined,
  成员: undefined,
  负责人: '负责人',
  课题负责人: '负责人',
  项目负责人: '负责人',
  课题组长: '组长',
  课题组组长: '组长',
  课题组负责人: '负责人',
  课题组副组长: '副组长',
  组长: '组长',
  主持人: '主持人',
};
const KEY_RE = /^([^：:]{1,12}?)\s*[：:]\s*(.*)$/;
const DATE_RE = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/;
/** 二〇二四年十二月（十六日）: a date in Chinese numerals, as covers print it. */
const CN_DATE_RE = /([〇零○一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*日)?/;
const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** A bare genre word on a cover (研究报告, 政策简报…): the series, not the title. */
const SERIES_WORD_RE = /^(?:研究|专题|咨询|智库|调研|年度|政策|决策|工作)?(?:报告|简报|专报|要报|内参|参考|快报|动态)$/;
const ISO_DATE_RE = /^(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?$/;
const ISSUE_RE = /(?:总\s*第\s*(\d+)\s*[期号])|(?:第\s*(\d+)\s*[期号])|(?:No\.\s*(\d+))/i;
const BIO_TITLE_RE = /^(?:作者简介|作者介绍|课题组成员|About the Authors?)$/i;
/**
 * A cover line naming the one who delivers or signs a report by office: "临江市市长  王建国",
 * "市长 王 明", "研究员 赵隆". The office ends in a title word; the name is two to four characters
 * (a space inside it allowed, see splitNames).
 */
const OFFICE_NAME_RE = /^(\S{0,20}?(?:[省市县区州旗镇乡]长|总理|部长|主席|书记|主任|院长|所长|校长|局长|厅长|秘书长|研究员|教授))[\s\u3000]+((?:\p{Script=Han}[\s\u3000]?){1,3}\p{Script=Han})$/u;

const pad = (n: string) => n.padStart(2, '0');

/**
 * A speech's or work report's delivery line, as its subtitle prints it: a date, 在 the meeting 上 (的讲话),
 * then perhaps the speaker by office ("2024年3月5日在第十四届全国人民代表大会第二次会议上 国务院总理 李强").
 * It says when and by whom the text was delivered: metadata, not part of the title.
 */
export interface Delivery {
  date: string;
  occasion: string;
  speaker?: Person;
}

const DELIVERY_RE = /^[—-]*\s*((?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年[^在，。]{1,12}日)\s*在\s*([^，。]{2,60}?)\s*上(?:的(?:讲话|报告|发言|致辞|演讲|说明))?[\s\u3000]*(.*)$/u;

export function deliveryOf(text: string): Delivery | undefined {
  const m = DELIVERY_RE.exec(text.trim());
  const date = m ? parseDate(m[1]) : undefined;
  if (!m || !date) return undefined;
  const d: Delivery = { date, occasion: m[2] };
  if (!m[3]) return d;
  // the speaker by office: 国务院总理 李强, 国务院总理李强 (the name the last two or three characters)
  const office = OFFICE_NAME_RE.exec(m[3]) ?? OFFICE_NAME_RE.exec(m[3].replace(/((?:[省市县区州旗镇乡]长|总理|部长|主席|书记|主任|院长))(?=\p{Script=Han}{2,3}$)/u, '$1 '));
  if (!office) return undefined;
  d.speaker = { name: squash(office[2]), role: squash(office[1]) };
  return d;
}

export function parseDate(text: string): string | undefined {
  const cn = CN_DATE_RE.exec(text);
  if (cn) {
    const year = [...cn[1]].map((c) => CN_DIGIT[c]).join('');
    const month = chineseNumber(cn[2]);
    const day = cn[3] ? chineseNumber(cn[3]) : 0;
    if (month >= 1 && month <= 12 && (!cn[3] || (day >= 1 && day <= 31))) return day ? `${year}-${pad(String(month))}-${pad(String(day))}` : `${year}-${pad(String(month))}`;
  }
  let m = DATE_RE.exec(text);
  if (m) return m[3] ? `${m[1]}-${pad(m[2])}-${pad(m[3])}` : `${m[1]}-${pad(m[2])}`;
  m = ISO_DATE_RE.exec(text.trim());
  if (m) return m[3] ? `${m[1]}-${pad(m[2])}-${pad(m[3])}` : `${m[1]}-${pad(m[2])}`;
  m = /^(\d{4})\s*年$/.exec(text.trim());
  return m ? m[1] : undefined;
}

/**
 * Names separated by spaces, where a two-character name may be written with a space inside
 * ("赵 隆"): consecutive single characters are joined in pairs.
 */
export function splitNames(text: string): string[] {
  const tokens = text.split(/[\s\u3000、，,；;]+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.length === 1 && CJK_CHAR.test(t) && i + 1 < tokens.length && tokens[i + 1].length === 1 && CJK_CHAR.test(tokens[i + 1])) {
      out.push(t + tokens[i + 1]);
      i++;
    } else out.push(t);
  }
  return out;
}

function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

export interface CoverTitle {
  title?: Line;
  /** Offset range inside title.text */
  titleEnd: number;
  /** The rest of a title broken across two cover lines. */
  titleMore?: Line;
  subtitle?: Line;
  subtitleAt: number;
  /** The rest of a long "——" subtitle broken across two cover lines. */
  subtitleMore?: Line;
}

/**
 * The line after a long "——" subtitle that goes on with it ("——2024年1月16日在某市第十七届人民代表大会"
 * / "第四次会议上"): short, one phrase (no spaces, unlike a line of names), and not who delivers it.
 */
function continuesSubtitle(subtitle: string, next: Line | undefined): boolean {
  if (!next || subtitle.length < 20 || /[）)」》”]$/.test(subtitle)) return false;
  const t = next.text;
  return t.length <= 20 && !/[\s\u3000]/.test(t) && isTitleCandidate(t) && !OFFICE_NAME_RE.test(t);
}

const KNOWN_KEY_RE = /^(?:主\s*编|副\s*主\s*编|执行主编|编\s*辑|出\s*品|地\s*址|联系|电\s*话|传\s*真|邮|网\s*址|日\s*期|时\s*间|发布|出版)/;

function isTitleCandidate(t: string): boolean {
  if (t.length < 4 || endsSentence(t) || !CJK_CHAR.test(t)) return false;
  if ((DATE_RE.test(t) || CN_DATE_RE.test(t)) && t.length <= 20) return false;
  if (SERIES_WORD_RE.test(squash(t))) return false;
  if (ISSUE_RE.test(t) && t.length <= 30) return false;
  if (BIO_TITLE_RE.test(t) || INSTITUTION_RE.test(t)) return false;
  const km = KEY_RE.exec(t);
  if (km && (squash(km[1]) in PERSON_KEYS || KNOWN_KEY_RE.test(km[1]) || !km[2].trim())) return false;
  return true;
}

/**
 * Cover lines set in two columns ("某研究中心　　　　　　2024年8月20日"): each column a line of its own,
 * at its place in the file. findTitle and coverMeta read the cover as this gives it.
 */
export function coverColumns(cover: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of cover) {
    if (!/\S[ \u3000]{3,}\S/.test(l.text)) {
      out.push(l);
      continue;
    }
    for (const m of l.text.matchAll(/\S(?:.*?\S)?(?=[ \u3000]{3,}|$)/g)) {
      const at = m.index ?? 0;
      out.push({ ...l, text: m[0], raw: m[0], textStart: l.textStart + at });
    }
  }
  return out;
}

/**
 * The title line (and subtitle: after a full-width colon, or a following line starting with ——). A
 * cover often breaks a long title in two: after its colon ("从A到B：" / "…的路径": title and
 * subtitle), or anywhere when the title page repeats it whole on one line (the two lines are the title).
 */
export function findTitle(cover: Line[]): CoverTitle {
  for (let i = 0; i < cover.length; i++) {
    const t = cover[i].text;
    if (BIO_TITLE_RE.test(t)) break;
    // a speech that opens by addressing its audience has no title line of its own (give one in meta.yaml)
    if (isSalutation(t)) break;
    const next = cover[i + 1];
    // "中华人民共和国" above "某某办公室": the first line of an issuer's name, not a title
    if (next && t.length <= 10 && INSTITUTION_RE.test(next.text) && !INSTITUTION_RE.test(t)) continue;
    const continued = next !== undefined && isTitleCandidate(next.text) && !/[：:]/.test(next.text);
    // "从A到B：" then "…的路径": a title broken after its colon (a key with nothing after it otherwise)
    const head = /^(.+?)\s*[：:]$/.exec(t)?.[1];
    if (head && continued && isTitleCandidate(head) && !(squash(head) in PERSON_KEYS) && !KNOWN_KEY_RE.test(head))
      return { title: cover[i], titleEnd: head.length, subtitle: next, subtitleAt: 0 };
    if (!isTitleCandidate(t)) continue;
    const colon = t.search(/[：:]/);
    if (colon > 0 && colon < t.length - 1) return { title: cover[i], titleEnd: colon, subtitle: cover[i], subtitleAt: colon + 1 };
    // "政府工作报告——2024年3月5日在…上" on one line: the title, then its dash subtitle
    const dash = t.search(/\s*(?:——|--)/);
    if (dash >= 4 && t.length - dash > 4) return { title: cover[i], titleEnd: dash, subtitle: cover[i], subtitleAt: t.slice(dash).match(/^\s*[—-]+\s*/)![0].length + dash };
    if (next && /^(?:——|--|—)/.test(next.text)) {
      const more = cover[i + 2];
      return {
        title: cover[i],
        titleEnd: t.length,
        subtitle: next,
        subtitleAt: next.text.match(/^[—-]+\s*/)![0].length,
        ...(continuesSubtitle(next.text, more) ? { subtitleMore: more } : {}),
      };
    }
    // a title line that stops on a word that cannot end a title (…政策的 / 演进与路径) goes on
    if (continued && /[的与和及之对把被从向在于而并或、，]$/.test(t)) return { title: cover[i], titleEnd: t.length, titleMore: next, subtitleAt: 0 };
    if (continued) {
      const whole = squash(t + next.text);
      if (cover.slice(i + 2).some((l) => squash(l.text) === whole)) return { title: cover[i], titleEnd: t.length, titleMore: next, subtitleAt: 0 };
    }
    return { title: cover[i], titleEnd: t.length, subtitleAt: 0 };
  }
  return { titleEnd: 0, subtitleAt: 0 };
}

export function coverMeta(cover: Line[], colophon: Line[]): SourceMeta {
  const meta: SourceMeta = { authors: [] };
  const extra: Record<string, string> = {};
  const roles = new Map<string, string>();
  const order: string[] = [];
  const addPerson = (name: string, role?: string) => {
    if (!order.includes(name)) order.push(name);
    const had = roles.get(name);
    if (role && !(had ?? '').split('；').includes(role)) roles.set(name, had ? `${had}；${role}` : role);
  };
  let inBio = false;
  const bios = new Map<string, string[]>();
  let bioName: string | undefined;
  const seenTitle = new Set<string>();
  for (const l of cover) {
    const t = l.text;
    if (BIO_TITLE_RE.test(t)) {
      inBio = true;
      continue;
    }
    if (inBio) {
      const squashed = squash(t);
      if (t.length <= 8 && CJK_CHAR.test(t) && !INSTITUTION_RE.test(t) && splitNames(t).length === 1) {
        bioName = squashed;
        bios.set(bioName, []);
      } else if (bioName) bios.get(bioName)!.push(normalizeText(t));
      continue;
    }
    const km = KEY_RE.exec(t);
    if (km) {
      const key = squash(km[1]);
      if (key in PERSON_KEYS) {
        for (const name of splitNames(km[2])) addPerson(name, PERSON_KEYS[key]);
        if (key !== '作者' && PERSON_KEYS[key] === undefined) for (const name of splitNames(km[2])) addPerson(name);
        continue;
      }
    }
    const office = OFFICE_NAME_RE.exec(t);
    if (office) {
      const names = splitNames(office[2]);
      if (names.length === 1 && names[0].length >= 2 && names[0].length <= 4) {
        addPerson(names[0], squash(office[1]));
        continue;
      }
    }
    if (!meta.series && SERIES_WORD_RE.test(squash(t))) {
      meta.series = squash(t);
      continue;
    }
    if (!meta.date) {
      // a date in the years of the Republic (中华民国101年10月4日) is read in the Western calendar; a date
      // that starts a period (…年9月起编号) is not the document's; a date the line says it was issued on
      // (立法院议案关系文书 2012年10月4日印发) is, however long the line
      const w = westernYears(t);
      const issued = /\d{1,2}\s*日\s*(?:印发|发布|公布|发出|发文|印行|出版)$/.test(w);
      const d = (DATE_RE.test(w) || CN_DATE_RE.test(w)) && (w.length <= 20 || /^[—-]/.test(w) || issued) && !/月\s*(?:\d{1,2}\s*日\s*)?起/.test(w) ? parseDate(w) : undefined;
      if (d) {
        meta.date = d;
        continue;
      }
    }
    const im = ISSUE_RE.exec(t);
    // a single character glued to 总第 ends a word (院總第1121號: the Yuan's general number of a bill): a
    // document's serial number, not an issue of a periodical
    if (im && im[1] && /^\p{Script=Han}$/u.test(t.slice(0, im.index))) continue;
    if (im && t.length <= 30 && !meta.issue) {
      meta.issue = im[1] ?? im[2] ?? im[3];
      const series = t.slice(0, im.index).replace(/[\s（(【\[]+$/, '').trim();
      if (series && CJK_CHAR.test(series) && !/^\d{4}\s*年$/.test(series)) meta.series = series.replace(/\d{4}\s*年\s*$/, '').trim() || undefined;
      continue;
    }
    if (!meta.institution && INSTITUTION_RE.test(t) && CJK_CHAR.test(t) && t.length <= 30) meta.institution = normalizeText(t);
    if (!meta.series && /(?:系列|丛书|专报|简报|要报|智库报告|研究报告|Report Series)$/.test(t) && t.length <= 20) seenTitle.add(t);
  }
  // persons in order, with their bio (affiliation, role)
  for (const name of order) {
    const p: Person = { name };
    const bio = bios.get(name);
    const parts: string[] = [];
    if (roles.has(name)) parts.push(roles.get(name)!);
    if (bio && bio.length) {
      const inst = bio.find((b) => INSTITUTION_RE.test(b));
      const rest = bio.filter((b) => b !== inst);
      if (inst) p.affiliation = inst;
      if (rest.length) parts.push(rest.join('，'));
    }
    if (parts.length) p.role = parts.join('，');
    meta.authors.push(p);
  }

  // the colophon: "关于<机构>", key: value lines, "主 编" followed by its value, ©, URLs, statements
  for (let i = 0; i < colophon.length; i++) {
    const t = colophon[i].text;
    const about = /^关于\s*(\S{2,30})$/.exec(t);
    if (about && !endsSentence(t)) {
      if (INSTITUTION_RE.test(about[1])) meta.institution = normalizeText(about[1]);
      const body: string[] = [];
      while (i + 1 < colophon.length && colophon[i + 1].text.length > 40) body.push(colophon[++i].text);
      if (body.length) extra.about = normalizeText(body.join('\n'));
      continue;
    }
    if (/^<?(?:https?:\/\/|www\.)/i.test(t)) {
      setExtra(extra, 'website', t.replace(/^<|>$/g, ''));
      continue;
    }
    const km = KEY_RE.exec(t);
    if (km && km[2].trim()) {
      setExtra(extra, squash(km[1]), normalizeText(km[2].trim()));
      continue;
    }
    if (km) continue; // 联系方式： (a heading for what follows)
    if (/^(?:©|Copyright|版权所有)/i.test(t)) {
      setExtra(extra, 'copyright', normalizeText(t));
      continue;
    }
    if (/^<?(?:https?:\/\/|www\.)/i.test(t)) {
      setExtra(extra, 'website', t.replace(/^<|>$/g, ''));
      continue;
    }
    const key = squash(t);
    if (t.length <= 8 && /^(?:主编|副主编|执行主编|编辑|责任编辑|出品人|执行出品人|编委会|审校|校对|设计|排版)$/.test(key) && i + 1 < colophon.length) {
      setExtra(extra, key, normalizeText(colophon[++i].text));
      continue;
    }
    setExtra(extra, 'statement', normalizeText(t));
  }
  if (Object.keys(extra).length) meta.extra = sortKeys(extra);
  return meta;
}

function setExtra(extra: Record<string, string>, key: string, value: string): void {
  extra[key] = extra[key] ? `${extra[key]}\n${value}` : value;
}

function sortKeys(o: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}
