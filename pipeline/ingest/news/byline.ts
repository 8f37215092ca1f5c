// Lines of a news page that state facts about the article rather than content: the byline
// ("<outlet>记者 <name>", "记者 X", "文/X", "作者：X"), the source ("来源：X"), the date and time,
// the URL, editors ("责任编辑：X"). A line counts only when all of it is such facts.
import type { Person } from '../../model.js';

export interface MetaFacts {
  outlet?: string;
  authors?: Person[];
  date?: string;
  url?: string;
  extra?: Record<string, string>;
}

const OUTLET_END = '(?:新闻网|新闻|日报|晚报|早报|晨报|时报|商报|周刊|周报|杂志|通讯社|社|网|报|电视台|广播电台|电台|客户端|频道|观察者|观察|参考)';
/** A person's name: 2–4 ideographs, a transliterated name with ·, or a Latin name. */
export const NAME = '(?:[\\u4e00-\\u9fff]{1,10}(?:[·•‧・][\\u4e00-\\u9fff]{1,10})+|[\\u4e00-\\u9fff][ \\u3000][\\u4e00-\\u9fff](?![\\u4e00-\\u9fff])|(?!发自|摄影|[\\u4e00-\\u9fff]{0,4}报道)[\\u4e00-\\u9fff]{2,4}|[A-Z][A-Za-z.\\-]*(?: [A-Z][A-Za-z.\\-]*){0,3})';
const NAMES = `${NAME}(?:\\s*[、，,/和及]\\s*${NAME}|\\s+${NAME})*`;
const SEP = '\\s*[：:/／｜|]\\s*';

/** Dates as news pages write them → ISO 8601 (to the minute when a time is given). */
export function parseDate(s: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  let iso = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (h !== undefined) {
    const hour = Number(h);
    if (hour > 23 || Number(mi) > 59) return iso;
    iso += `T${String(hour).padStart(2, '0')}:${mi}`;
    if (sec !== undefined) iso += `:${sec}`;
  }
  return iso;
}

const DATE_TOKEN = /^(?:(?:发布|发表|更新)?(?:时间|日期)[：:]\s*)?(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?)/;
const URL_TOKEN = /^(?:(?:原文)?(?:链接|网址|地址|URL|url)[：:]\s*)?<?(https?:\/\/[^\s<>]+)>?/;
const EDITOR_TOKEN = /^(责任编辑|编辑|校对|审核|审校|值班编辑|实习编辑|图片编辑|视频编辑|美编|监制|主编|统筹|策划|翻译|编译|出品|制作)\s*[：:／/]\s*([^\s：:]+(?:\s+[^\s：:]{1,4}(?=\s|$))*)/;
/** Where the reporter filed from: "发自深圳", "深圳报道". */
const PLACE_TOKEN = /^(?:发自\s*([\u4e00-\u9fff]{2,10}?)(?:报道)?|([\u4e00-\u9fff]{2,6})报道)(?=\s|$)/;
const SOURCE_TOKEN = /^(?:来源|出处|稿源|转自|原载)\s*[：:]\s*([^\s]+)/;
const AUTHOR_TOKEN = new RegExp(`^(?:文|撰文|作者|文字|本文作者|撰稿|供稿)${SEP}(${NAMES})(?:\\s*[（(]([^（）()]{2,40})[）)])?`);
const REPORTER_TOKEN = new RegExp(
  `^(?:([^\\s记]{1,14}?${OUTLET_END})\\s*)?(?:特约|实习|首席|驻[\\u4e00-\\u9fff]{1,8})?记者\\s*[：:]?\\s*(${NAMES})`,
);
/** 本报, 本刊…: "this paper" names no outlet. */
const THIS_PAPER = /^本(?:报|刊|台|网|社)$/;
const OUTLET_ONLY = new RegExp(`^([\\u4e00-\\u9fff]{2,12}${OUTLET_END})$`);
/** The page's section: 栏目：观点·评论 */
const COLUMN_TOKEN = /^(栏目|频道|版面|专题)\s*[：:]\s*([^\s|｜]+)/;
/** A note on the page about the article itself: it is updated, who wrote it, whose views it holds. */
const ABOUT_ARTICLE = /^(?:【滚动更新】|【持续更新】|本文持续更新.*$|(?:最后)?更新时间[：:].*$|[（(]?作者系.*$|本文仅代表.*$)/;
const NOISE =
  /^(?:字号[：:]?\s*[大中小\s]*|阅读(?:量|数)?[：:]?\s*\d+|浏览(?:量)?[：:]?\s*\d+|分享到[：:]?(?:\s*(?:微信|微博|QQ空间|QQ|朋友圈|豆瓣|Facebook|Twitter|X|LINE|Line|Plurk|噗浪|Telegram|WhatsApp|LinkedIn|Email|E-mail|邮件|复制链接)\s*)*|打印|关闭|【?纠错】?|[（(]?完[）)]?|(?:首页|主页|当前位置[：:]?\s*首页)\s*[>›»＞].*$)/;
/** "（2025年4月9日，澜港市）": the date and place of a speech or a statement. */
const DATE_PLACE_TOKEN = /^[（(]\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[，,、]?\s*([\u4e00-\u9fff]{2,12})?\s*[）)]/;
/** "海洋经济协同部副部长　周启航": who speaks, by office (a speech, a statement). */
const OFFICE_SPEAKER_TOKEN = new RegExp(
  `^([\\u4e00-\\u9fff]{1,24}?(?:长|主席|书记|主任|总理|部长|大使|秘书长|发言人|理事长|会长|董事长|总裁|总干事|特使|委员))[\\s\\u3000]+(${NAME})$`,
);

function people(s: string): Person[] {
  const tokens = s
    .split(/\s*[、，,/和及]\s*|\s+(?=[\u4e00-\u9fff])/)
    .map((x) => x.trim())
    .filter(Boolean);
  // a two-character name printed with a space inside ("林 涛"): single characters pair up
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].length === 1 && tokens[i + 1]?.length === 1) names.push(tokens[i] + tokens[++i]);
    else names.push(tokens[i]);
  }
  return names.map((name) => ({ name }));
}

/**
 * Read a line as page facts. Returns undefined unless the whole line is made of such facts (so a
 * sentence that happens to mention 记者 or a date is never taken for a byline).
 */
export function readMetaLine(line: string): MetaFacts | undefined {
  let rest = line.replace(/\s+/g, ' ').trim();
  if (!rest) return undefined;
  const facts: MetaFacts = {};
  let found = false;
  while (rest.length) {
    let m: RegExpExecArray | null;
    if ((m = DATE_TOKEN.exec(rest))) {
      const d = parseDate(m[1]);
      if (!d) return undefined;
      facts.date ??= d;
    } else if ((m = DATE_PLACE_TOKEN.exec(rest))) {
      const d = parseDate(m[1]);
      if (!d) return undefined;
      facts.date ??= d;
      if (m[2]) facts.extra = { ...(facts.extra ?? {}), 地点: m[2] };
    } else if (!found && (m = OFFICE_SPEAKER_TOKEN.exec(rest))) {
      facts.authors = [...(facts.authors ?? []), ...people(m[2]).map((p) => ({ ...p, role: m![1] }))];
    } else if ((m = URL_TOKEN.exec(rest))) {
      facts.url ??= m[1];
    } else if ((m = SOURCE_TOKEN.exec(rest))) {
      facts.outlet ??= m[1];
    } else if ((m = AUTHOR_TOKEN.exec(rest))) {
      // "作者：沈慕远（某大学教授）": the role in brackets goes with the one name
      const named = people(m[1]);
      const role = m[2];
      facts.authors = [...(facts.authors ?? []), ...(role && named.length === 1 ? [{ ...named[0], role }] : named)];
    } else if ((m = REPORTER_TOKEN.exec(rest))) {
      if (m[1] && !THIS_PAPER.test(m[1])) facts.outlet ??= m[1];
      facts.authors = [...(facts.authors ?? []), ...people(m[2])];
    } else if (found && (m = PLACE_TOKEN.exec(rest))) {
      facts.extra = { ...(facts.extra ?? {}), 发自: m[1] ?? m[2] };
    } else if ((m = EDITOR_TOKEN.exec(rest))) {
      facts.extra = { ...(facts.extra ?? {}), [m[1]]: m[2] };
    } else if (found && (m = COLUMN_TOKEN.exec(rest))) {
      facts.extra = { ...(facts.extra ?? {}), [m[1]]: m[2] };
    } else if ((m = ABOUT_ARTICLE.exec(rest))) {
      facts.extra = { ...(facts.extra ?? {}), 说明: m[0].replace(/^[（(]|[）)]$/g, '') };
    } else if ((m = NOISE.exec(rest)) && m[0].length) {
      /* page furniture */
    } else if (found && (m = OUTLET_ONLY.exec(rest))) {
      facts.outlet ??= m[1];
    } else return undefined;
    rest = rest.slice(m[0].length).replace(/^[\s|｜·•丨/]+/, '');
    found = true;
  }
  return found ? facts : undefined;
}

/** Reporters in brackets after a dateline: （记者 张三 李四）, (特约记者 X 通讯员 Y). */
const REPORTERS = `[（(]\\s*(?:特约|实习|首席)?记者\\s*(?!手记|观察|调查|札记|日记|随笔|来信)(${NAMES})(?:\\s*(?:通讯员|实习生|见习记者|特约记者)\\s*${NAMES})*\\s*[）)]`;
const DATELINE_RE = new RegExp(
  '^(?:' +
    // the whole dateline in brackets, the reporter inside it (Taiwan's and overseas agencies' form):
    // （中央社记者王小明台北7日电）, （中央社记者王小明、李华华盛顿6日专电）, （法新社巴黎5日电）
    `[（(]([\\u4e00-\\u9fff]{1,8}?(?:社|网|报|新闻|台))(?:特约|实习|驻[\\u4e00-\\u9fff]{1,8})?(?:记者|特派员)?([^（）()\\d]{0,24}?)(?:\\d{1,2}月)?\\d{1,2}日(?:专|综合|外)?(?:电|讯)[）)]` +
    // 新华社北京11月1日电, 中新网3月5日电, 本报北京3月5日电, 人民网上海3月5日讯, 新华社北京24日电 (the day alone)
    `|[（(]?([\\u4e00-\\u9fff]{1,8}?(?:社|网|报|新闻|台))[\\u4e00-\\u9fff]{0,8}(?:\\d{1,2}月)?\\d{1,2}日(?:专|综合)?(?:电|讯)` +
    // 本报讯, 央视网消息
    `|(本报|[\\u4e00-\\u9fff]{2,8}?(?:社|网|报|新闻|台))(?:讯|消息)(?:[（(][^）)\\s]{1,10}[）)])?` +
    // 【环球时报报道 记者 张三】, 【环球网综合报道】
    `|【([\\u4e00-\\u9fff]{2,8}?(?:社|网|报|新闻|台))[^】]{0,8}?(?:报道|讯|消息)?(?:\\s*(?:特约|实习|驻[\\u4e00-\\u9fff]{1,8})?记者\\s*(${NAMES}))?[^】]{0,20}】` +
    // 【2024年3月7日讯】: the date alone in brackets, as wiki news and some overseas sites open (the outlet unnamed)
    `|【\\s*(?:[\\u4e00-\\u9fff]{2,10}\\s*)?\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(?:讯|电|报道|消息)\\s*】` +
    // （记者 张三） alone
    `|(?=[（(]\\s*(?:特约|实习|首席)?记者)` +
    `)\\s*(?:${REPORTERS})?[\\s：:，,]*`,
);

/**
 * "新华社北京11月1日电（记者 张三、李四）" at the head of the first paragraph: outlet and reporters, and
 * `length`, the characters of the dateline (with its bracketed reporters) before the content starts.
 * Forms: <outlet><place><date>电|讯, 本报讯, <outlet>消息, 【<outlet>报道 记者 X】, （记者 X）.
 */
export function readDateline(text: string): (MetaFacts & { length: number }) | undefined {
  const m = DATELINE_RE.exec(text);
  if (!m || !m[0].trim()) return undefined;
  const outlet = [m[1], m[3], m[4], m[5]].find((o) => o && !THIS_PAPER.test(o));
  // the reporters, without the correspondents (通讯员 …) that may follow them
  const names = (m[7] ?? m[6])?.split(/\s*(?:通讯员|实习生|见习记者|特约记者)/)[0];
  const facts: MetaFacts & { length: number } = { length: m[0].length };
  if (outlet) facts.outlet = outlet;
  if (names) facts.authors = people(names);
  return facts;
}
