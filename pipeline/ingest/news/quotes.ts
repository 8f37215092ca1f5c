// Direct quotes in Chinese news and who said them.
//   X表示：“…”   X说，“…”   X在…时表示，“…”   “…”X说（道）。   a paragraph-long quote then X说道。
// People are first met with their role ("<organisation>主任 阿森尼·西维茨基") and later by a short name
// (西维茨基): a registry of mentions resolves short names to the full name and carries the role.
// Short quoted terms with no speech verb around them are scare quotes, not direct quotes.
import type { Person } from '../../model.js';

const VERB_LIST = [
  '表示', '说道', '说', '指出', '强调', '称', '认为', '坦言', '透露', '介绍', '警告', '提到', '提醒', '回应', '补充',
  '解释', '写道', '问道', '呼吁', '直言', '声称', '宣称', '谈到', '总结', '表态', '分析', '评价', '评论', '承认',
  '感叹', '回忆', '坦承', '预测', '预计', '建议', '重申', '宣布', '称赞', '批评', '质疑', '反问', '笑称', '表明',
  '阐述', '描述', '答道', '回答', '告诉记者', '告诉本报', '对记者说', '向记者表示', '说明', '判断', '相信', '主张',
];
export const VERBS = `(?:${[...VERB_LIST].sort((a, b) => b.length - a.length).join('|')})(?:称|道|说)?`;

const TITLE_LIST = [
  '新闻发言人', '发言人', '副主任', '主任', '高级研究员', '副研究员', '研究员', '副教授', '教授', '讲师', '副部长', '部长',
  '防长', '外长', '财长', '副总统', '总统', '副总理', '总理', '首相', '外相', '防相', '副主席', '主席', '大使', '公使',
  '参赞', '副院长', '院长', '副所长', '所长', '校长', '局长', '处长', '司长', '厅长', '省长', '市长', '州长', '书记',
  '秘书长', '总干事', '专家', '学者', '分析师', '顾问', '上校', '中校', '少校', '上将', '中将', '少将', '将军',
  '司令员', '司令', '参谋长', '政委', '议员', '议长', '代表', '委员', '董事长', '总裁', '总经理', '经理', '首席执行官',
  'CEO', '创始人', '负责人', '主编', '记者', '博士', '律师', '医生', '官员', '国王', '女王', '科学家', '经济学家',
  '工程师', '会长', '理事长', '大臣', '国务卿', '主管', '院士', '团长', '队长', '教练', '法官', '外交官', '特使',
  '行长', '合伙人', '总监', '老板', '掌门人', '投资人', '主任医师', '老师', '作家', '导演', '总书记', '国务委员', '常委', '参议员', '众议员',
];
const TITLES = `(?:${[...TITLE_LIST].sort((a, b) => b.length - a.length).join('|')})`;

const HAN = '\\u4e00-\\u9fff';
const DOT = '·•‧・';
/** A name standing alone: 2–4 ideographs, a transliterated name with ·, or a Latin name. */
const NAME_FULL = new RegExp(
  `^(?:[${HAN}]{1,10}(?:[${DOT}][${HAN}]{1,10})+|[${HAN}]{2,4}|[A-Z][A-Za-z.\\-]*(?: [A-Z][A-Za-z.\\-]*){0,3})$`,
);

/** Words that stop a speaker's name: adverbs, time words, prepositions, and the speech verbs. */
const STOP =
  '(?:在|于|向|对(?!外|话)|接受|就(?!业)|日前|近日|此前|也|还|则|同时|曾|再次|当天|当日|今天|昨天|早前|随后|进一步|明确|公开|此次|' +
  '去年|今年|明年|上月|本月|上周|本周|周[一二三四五六日]|[0-9]|已|更|又|都|亦|均|将(?!军|领)|会上|会后|通过|近期|最近|一再|多次|' +
  '据|特别|先后|亲自|当时|后来|随即|进而|甚至|不仅|却|反复|专门|针对|谈及|提及|谈起|面对|坦率|直接|一直|始终|早在|' +
  `${VERBS})`;
const STOP_RE = new RegExp(STOP);

const NOT_A_PERSON = /^(?:有|据|外界|业内|分析|舆论|报道|消息|一些|部分|不少|多数|许多|各方|双方|外媒|社会|大家|人们|他们|她们|我们|你们|这|那|此|该|其|它)/;
const PRONOUN = /^(?:他|她|其|他还|她还)$/;

export interface Mention {
  person: Person;
  /** Index in the paragraph text. */
  at: number;
  /** Someone described, not named ("一家日本企业的采购负责人"): who 他 refers to next, but no one to register. */
  described?: boolean;
}

export class People {
  readonly known: Person[] = [];

  register(p: Person): void {
    if (!p.name || p.name.length < 2) return;
    const same = this.known.find((k) => k.name === p.name);
    if (same) {
      if (!same.role && p.role) same.role = p.role;
      return;
    }
    this.known.push({ ...p });
  }

  /** The full person a (possibly short) name refers to. */
  resolve(p: Person): Person {
    const n = p.name;
    const exact = this.known.find((k) => k.name === n);
    if (exact && (exact.role || p.role)) return { name: exact.name, ...((p.role ?? exact.role) ? { role: p.role ?? exact.role } : {}) };
    if (!p.role) {
      const longer = this.known.filter(
        (k) => k.name !== n && n.length >= 2 && (k.name.split(/[·•‧・]/).pop() === n || (/[·•‧・]/.test(k.name) && k.name.endsWith(n))),
      );
      const pick = longer.find((k) => k.role) ?? longer[0];
      if (pick) return pick.role ? { name: pick.name, role: pick.role } : { name: pick.name };
    }
    return p.role ? { name: n, role: p.role } : { name: n };
  }
}

function clauseStart(text: string, end: number): number {
  let i = end - 1;
  // a closing quotation mark ends what was said: the speaker's phrase starts after it
  while (i >= 0 && !/[。！？；：:，,\n!?;」』”]/.test(text[i])) i--;
  return i + 1;
}

const LEAD_WORDS = /^(?:甚至连|就连|甚至|而|但|并|且|此外|另外|同时|对此|其中|随后|然而|不过|因此|所以|据悉|另据|会上|会后|目前|近日|日前|此前|与此同时)+/;

/** The speaker phrase of the clause that ends at `end` (where the speech verb starts). */
export function subjectBefore(text: string, end: number): string | undefined {
  let clause = text.slice(clauseStart(text, end), end).trim();
  clause = clause.replace(LEAD_WORDS, '').trim();
  if (!clause) return undefined;
  // the name ends at the first stop word (searching after the first character: 于, 曾 are surnames too)
  const m = STOP_RE.exec(clause.slice(1));
  const subj = (m ? clause.slice(0, m.index + 1) : clause).trim();
  return subj || undefined;
}

/** Split "role + name" (俄罗斯国防部长绍伊古 → {name 绍伊古, role 俄罗斯国防部长}). */
export function splitRole(subject: string): Person | undefined {
  const s = subject.replace(/^[“”"'‘’「」『』（）()\s]+|[“”"'‘’「」『』（）()\s]+$/g, '');
  if (!s || s.length > 40) return undefined;
  if (PRONOUN.test(s)) return { name: s };
  const re = new RegExp(TITLES, 'g');
  let best: Person | undefined;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const end = m.index + m[0].length;
    const name = s.slice(end).replace(/^[\s、，]+/, '');
    if (NAME_FULL.test(name) && !new RegExp(`^${TITLES}$`).test(name) && !NOT_A_NAME.test(name) && plausibleName(name)) best = { name, role: s.slice(0, end).trim() };
    re.lastIndex = m.index + 1;
  }
  if (best) return { ...best, role: best.role!.replace(LEAD_WORDS, '') };
  if (NOT_A_PERSON.test(s)) return undefined;
  if (NAME_FULL.test(s) && plausibleName(s)) return { name: s };
  // an organisation or a described person (外交部发言人, 一位官员): the phrase itself speaks — when it
  // ends like one (a role, a body, a person word); a verb phrase (更像是…, 存在一种说法) speaks for no one
  if (s.length <= 20 && !/[，。！？：]/.test(s) && SPEAKER_END.test(s)) return { name: s };
  return undefined;
}

/**
 * The end of a phrase that can speak: a title or role, a word for a person or a group of people, or a
 * word for a body (a ministry, a company, a state, a medium). The last character or word decides, as
 * the head of a Chinese noun phrase comes last.
 */
const SPEAKER_END = new RegExp(
  `(?:${TITLES}|人士|人员|人们|民众|网友|用户|群众|者|家|人|方|员|生|师|长|官|部|局|委|院|所|会|署|厅|办|处|司|中心|公司|集团|企业|银行|大学|学院|学校|医院|政府|当局|组织|机构|协会|联盟|国|盟|社|报|台|网|媒体|团队|小组|基金|宫|府|党|军|队|厂|站|馆|室|组|科|校|商|界|约)$`,
);

/**
 * Han characters that a verb phrase or a grammatical word is made of and a personal name almost never is
 * (是, 像, 的, 了, 一种…, and the verbs of speaking and feeling: 发推, 痛诉, 无奈): a 2–4 character phrase
 * with one of them, not opening with a common surname, is not a name ("更像是", "无奈发推" are no one).
 */
const FUNCTION_CHAR = /[是像的了着过有在把被很更最也都就还又才这那哪么吗呢吧说种些个与和或并而诉推发称讲问答叹奈写怒痛喊呼骂]/;
const SURNAME =
  /^(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|令狐|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝])/;

function plausibleName(s: string): boolean {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(s)) return true;
  return SURNAME.test(s) || !FUNCTION_CHAR.test(s);
}

/** A "name" that is a speech verb or a stop word: 对记者表示 names no one called 表示. */
const NOT_A_NAME = new RegExp(`^(?:${VERBS}|${STOP})`);

const TITLE_MENTION = new RegExp(
  `(${TITLES})([${HAN}]{1,10}(?:[${DOT}][${HAN}]{1,10}?)+|[${HAN}]{2,4}?)(?=${STOP}|[，。、：；（(的和与及]|$)`,
  'g',
);
const SPEECH = new RegExp(`(${VERBS})(?=[：:，,“「\\s])`, 'g');

/** People a paragraph mentions with a role (title + name) or as the subject of a speech verb. */
export function mentions(text: string): Mention[] {
  const out: Mention[] = [];
  TITLE_MENTION.lastIndex = 0;
  let prevEnd = -1;
  for (let m = TITLE_MENTION.exec(text); m; m = TITLE_MENTION.exec(text)) {
    const titleEnd = m.index + m[1].length;
    let start = clauseStart(text, m.index);
    if (prevEnd >= start) start = prevEnd + 1;
    // "记者专访了某大学院长X": the role starts after the one who interviews or meets X
    const role = text
      .slice(start, titleEnd)
      .replace(LEAD_WORDS, '')
      .replace(/^.*?(?:专访|采访|访问|拜访|会见|会晤|邀请|请教|对话)了?/, '')
      .trim();
    const name = m[2];
    if (!new RegExp(`^${TITLES}$`).test(name) && !NOT_A_PERSON.test(name) && !NOT_A_NAME.test(name) && plausibleName(name)) {
      out.push({ person: role ? { name, role } : { name }, at: titleEnd });
    }
    prevEnd = m.index + m[0].length;
  }
  SPEECH.lastIndex = 0;
  for (let m = SPEECH.exec(text); m; m = SPEECH.exec(text)) {
    const subj = subjectBefore(text, m.index);
    if (!subj) continue;
    const p = splitRole(subj);
    if (!p || PRONOUN.test(p.name)) continue;
    if (p.role || NAME_FULL.test(p.name)) out.push({ person: p, at: m.index - p.name.length });
    else out.push({ person: p, at: m.index - p.name.length, described: true });
  }
  return out.sort((a, b) => a.at - b.at);
}

export interface QuoteSpan {
  /** Index of the opening quotation mark. */
  open: number;
  /** Index of the closing quotation mark. */
  close: number;
  speaker?: Person;
}

const PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』' };

function quoteRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    const closeCh = PAIRS[text[i]];
    if (!closeCh) {
      i++;
      continue;
    }
    const openCh = text[i];
    let depth = 1;
    let j = i + 1;
    for (; j < text.length; j++) {
      if (text[j] === openCh) depth++;
      else if (text[j] === closeCh && --depth === 0) break;
    }
    if (j >= text.length) {
      i++;
      continue;
    }
    out.push([i, j]);
    i = j + 1;
  }
  return out;
}

const BEFORE_VERB = new RegExp(`(${VERBS})\\s*[：:，,]?\\s*$`);
const AFTER_VERB = new RegExp(`^\\s*[，,]?\\s*([^。！？“”，,；;「」]{1,40}?)(${VERBS})\\s*(?:[。！？!?，,；]|$)`);
const TERMINAL_INSIDE = /[。！？!?…]\s*$/;
/** A direct quote is a clause or a sentence, not a term: long enough, or with a clause mark inside. */
const sentenceLike = (inner: string): boolean => inner.length >= 12 || /[，。！？；：,!?;:…]/.test(inner);
/** What follows the closing mark ends the quoted clause (or the paragraph): not “标准先行”是…. */
const CLOSES_CLAUSE = /^\s*(?:[。！？!?，,；;：:…）)]|$)/;
const CLOSES_SENTENCE = /^\s*(?:[。！？!?；;…]|$)/;

export interface QuoteContext {
  people: People;
  /** Speaker introduced at the end of the previous paragraph (…表示：), for a quote that fills this one. */
  intro?: Person;
  /** The last person spoken of, for 他/她. */
  last?: Person;
}

/**
 * Direct quotes in one paragraph, with their speakers. `ctx.last` is updated as speakers are met;
 * returns also the speaker this paragraph introduces for the next one (when it ends with a colon).
 */
export function findQuotes(text: string, ctx: QuoteContext): { quotes: QuoteSpan[]; intro?: Person } {
  const paraMentions = mentions(text);
  const lastBefore = (at: number): Person | undefined => {
    let p: Person | undefined;
    for (const m of paraMentions) if (m.at < at) p = m.person;
    return p ? ctx.people.resolve(p) : ctx.last;
  };
  const clauseBefore = (at: number) => text.slice(clauseStart(text, at), at).replace(/[「」『』“”]/g, '');
  /**
   * Someone already met whom the speaker phrase names though the name was cut short (杜|向荣: 向 stops a
   * name) or is wrapped in more words (研究院的邵明哲): the phrase holds the full name, and the subject
   * found is its start or contains it.
   */
  const knownIn = (subject: string, phrase: string): Person | undefined => {
    const s0 = subject.replace(/[「」『』“”\s]/g, '');
    let best: Person | undefined;
    for (const k of ctx.people.known) {
      if (k.name.length < 2 || !phrase.includes(k.name) || !(k.name.startsWith(s0) || s0.includes(k.name))) continue;
      if (!best || k.name.length > best.name.length) best = k;
    }
    return best ? ctx.people.resolve({ name: best.name }) : undefined;
  };
  const person = (subject: string | undefined, at: number, phrase?: string): Person | undefined => {
    const known = subject && phrase ? knownIn(subject, phrase) : undefined;
    if (known) return known;
    if (!subject) return undefined;
    const p = splitRole(subject);
    if (!p) return undefined;
    if (PRONOUN.test(p.name)) return lastBefore(at);
    return ctx.people.resolve(p);
  };
  const quotes: QuoteSpan[] = [];
  const ranges = quoteRanges(text);
  // a quote over several paragraphs opens each of them and closes only in the last: a paragraph that
  // opens a quote it never closes, after one that introduced the speaker (…表示：), is that speaker's,
  // and so is the next paragraph
  let carried: Person | undefined;
  const opening = /^\s*[“「『]/.exec(text);
  if (opening && ctx.intro && !ranges.some(([o]) => o === opening[0].length - 1) && text.trim().length > 12) {
    quotes.push({ open: opening[0].length - 1, close: text.length - 1, speaker: ctx.intro });
    ctx.last = ctx.intro;
    carried = ctx.intro;
  }
  for (const [open, close] of ranges) {
    const inner = text.slice(open + 1, close).trim();
    if (!inner) continue;
    const before = text.slice(Math.max(0, open - 60), open);
    const after = text.slice(close + 1, close + 61);
    let direct = false;
    let speaker: Person | undefined;
    const bv = BEFORE_VERB.exec(before);
    const av = AFTER_VERB.exec(after);
    // a quote after a speech verb: a clause that ends where the quote ends (or a sentence of its own),
    // or a short one closing the sentence after a colon (X说：“同意”。)
    const closes = TERMINAL_INSIDE.test(inner) || CLOSES_CLAUSE.test(after) || av !== null;
    if (bv && ((sentenceLike(inner) && closes) || (/[：:]\s*$/.test(before) && CLOSES_SENTENCE.test(after)))) {
      direct = true;
      const verbAt = open - before.length + bv.index;
      speaker = person(subjectBefore(text, verbAt), verbAt, clauseBefore(verbAt));
    } else if (/[：:]\s*$/.test(before) && (sentenceLike(inner) || CLOSES_SENTENCE.test(after))) {
      direct = true;
      const colon = open - before.length + before.search(/[：:]\s*$/);
      const start = clauseStart(text, colon);
      const subj = text.slice(start, colon).trim();
      if (subj.length <= 25) speaker = person(subj, colon);
    } else if (av && (TERMINAL_INSIDE.test(inner) || inner.length >= 12 || /[，,]/.test(after[0] ?? ''))) {
      direct = true;
      const subj = av[1].trim();
      const m = STOP_RE.exec(subj.slice(1));
      speaker = person(m ? subj.slice(0, m.index + 1) : subj, close, subj);
    } else if (text.slice(0, open).trim() === '' && inner.length >= 12 && TERMINAL_INSIDE.test(inner) && (ctx.intro || CLOSES_SENTENCE.test(after))) {
      // a quote opening the paragraph: speech when the previous paragraph introduced it or when it is the
      // whole paragraph; a quoted line followed by running text (“…。”今年的报告…) is a citation
      direct = true;
      speaker = ctx.intro;
    }
    if (!direct) continue;
    if (speaker) ctx.last = speaker;
    quotes.push(speaker ? { open, close, speaker } : { open, close });
  }
  let intro: Person | undefined = carried;
  const colon = carried ? null : /[：:]\s*$/.exec(text);
  if (colon) {
    const bv = BEFORE_VERB.exec(text.slice(Math.max(0, colon.index - 60), colon.index + 1));
    if (bv) {
      const verbAt = colon.index - Math.min(60, colon.index) + bv.index;
      intro = person(subjectBefore(text, verbAt), verbAt, clauseBefore(verbAt));
    }
  }
  return intro ? { quotes, intro } : { quotes };
}
