// Genre-level cues in the wording of a sentence, used as priors by the slots (never as hard rules
// about any one document): does it lean on the sentence before it, does it state an overall judgement,
// is it one actor stating its own position.
import { stripSectionNumber } from './exclude.js';

/** Openings that tie a sentence to the previous one (a connective). */
const CONNECTIVE_RE =
  /^(但是|但|而且|而|然而|因此|所以|因而|故而|此外|另外|与此同时|同时|其中|对此|为此|不过|可见|于是|并且|甚至|当然|其次|再次|最后|此后|随后|反之|相反|进而|从而|对此|例如|比如|譬如|换句话说|换句话讲|换言之|也就是说|基于此|鉴于此|据此|由此|一旦|換句話說|換句話講|換言之|也就是說|基於此|鑑於此|據此)/;

/** The connectives of official writing (爰此, 爰, 是以, 故…): "hence", as a bill's or a ruling's reasons conclude. 故 only before a comma or a verb of duty (not 故宫, 故事, 故意). */
const OFFICIAL_CONNECTIVE_RE = /^(爰此|爰|是以|故此|故(?=[，,为為应應宜须須需]))/;

/**
 * Back-references early in a sentence: 这/上述/前述/此类/该… within the first few characters
 * ("这种僵局…", "目前，该选项…", "在此背景下…", "前面讲述的…过程") point at something the previous sentence named.
 * 此次/此前 (this event, before) and 应该 are not back-references.
 */
const BACKREF_RE = /^[^。；“”]{0,8}?(这|上述|前述|此类|此举|此种|此背景|在此(?!次)|(?<!应|活)该(?=\p{Script=Han})|前面(?:讲述|講述|提到|介绍|介紹|所述|说的|說的)|前文|上文)/u;

/**
 * 这些 + a noun later in the first clause (我们正在征求用户进行这些新功能的测试): "these" things the sentence
 * has not named itself (这些公司 after 商业开源公司 has) are the previous sentence's. Not 这些年 (these years), nor
 * 这些 after a possessive (它后面的这些元件: whose they are is said).
 */
const LATE_THESE_RE = /^([^。；;]{8,40}?)(?<!的)(这些|這些)(?!年|天|日子|时候|時候)(\p{Script=Han}{2})/u;

/** A pronoun subject (他/她/其…) names someone the previous sentence introduced. */
const PRONOUN_RE = /^(他们|她们|它们|他(?!国|人)|她|它|其(?!他|中|次|实|余|它))/;

/**
 * A predicate without its subject: what something is for or where it applies (适用于…, 用于…, 负责…, 旨在…),
 * what it cannot do (不能…, 无法…; not a condition: 不能按期履行的，…), a rank (以 N 名开发者排名第十), or a
 * place after the one named before (…紧随其后). The subject is in the sentence before or in the heading.
 */
const SUBJECTLESS_RE =
  /^(?:(?:主要|通常|一般|常|也|还|則|则|均|都)?(?:适用于|適用於|用于|用於|用来|用來|负责|負責|旨在|致力于|致力於)(?![^，,。；;]*的(?:[^，,。；;的]{0,8}?(?:部门|部門|机构|機構|机关|機關|单位|單位|人员|人員|组织|組織|团队|團隊|委员会|委員會)|[^，,。；;的]{1,10}?(?:应当|应该|應當|應該|应|應|可以|可|须|須|必须|必須|要|将|將|是|为|為|有|对|對|依法|依照|按照|会同|會同|不得)))|(?:不能|不可|无法|無法)(?![^，,。；;]*的[，,])|以(?:[^，,。；;]|(?<=[0-9]),(?=[0-9])){1,30}?(?:排名|位居|位列|居)(?:第|首|榜)|[^，,。；;]{1,30}?(?:紧随其后|緊隨其後))/;

/** An area's bounds without the area (北至…，西至…，…): two clauses at least, each a direction and 至. */
const BOUNDS_RE = /^(?:[东西南北東][至到][^，,。；;]{1,30}[，,、；;]){2}/;

/**
 * An ordinal or a pair named only by its place (第一个方向, 第二种方法, 前者, 后者, 二者, 两者): it points at
 * things the text listed before — the sentence before, unless this one lists them first (有两个方向：第一个
 * 方向…; A 和 B，前者…). A superlative (全国第一个自贸区, 第一个五年计划) names its thing and is no
 * back-reference: the ordinal is taken only with a measure word and a noun of kind (方向, 方法, 方案…) or
 * with nothing after it but the sentence's end.
 */
const ORDINAL_REF_RE =
  /(前者|後者|后者|二者|两者|兩者)|第([一二三四五六七八九十]|[1-9])\s*(个|個|种|種|类|類|条|條|项|項)(?:(方向|方法|方式|方案|途径|途徑|路径|路徑|思路|选择|選擇|选项|選項|情况|情況|情形|办法|辦法|做法|模式|策略|类型|類型|观点|觀點|假设|假設|可能|因素|原因|问题|問題|目标|目標)|(?=[。！？!?；;，,）)]|$))/u;

/** An ordinal back-reference (see ORDINAL_REF_RE) whose referent is not in the sentence itself. */
export function ordinalReference(text: string): string | undefined {
  const t = text.trim();
  const m = ORDINAL_REF_RE.exec(t);
  if (!m) return undefined;
  const before = t.slice(0, m.index);
  if (m[1]) {
    // 前者/后者 after the pair it chooses from, named in this sentence (A 和 B，前者…)
    if (/[和与與及或、]|以及/.test(before)) return undefined;
    return `back-reference ${m[1]}`;
  }
  // 第一个方向 after the count that lists them (有两个方向：第一…)
  if (new RegExp(`[两兩二三四五六七八九十几幾多0-9]\\s*${m[3]}`).test(before) || /[：:]/.test(before)) return undefined;
  return `back-reference 第${m[2]}${m[3]}${m[4] ?? ''}`;
}

export function subjectlessOpening(text: string): string | undefined {
  // after an item number (2) 不能…) or a run-in label (应用场景：适用于…), which name no subject either
  const t = text
    .trim()
    .replace(/^[*_]+/, '')
    .replace(/^(?:[（(][0-9一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[)）.．、](?![0-9]))\s*/, '')
    .replace(/^[^，,。；;：:“”]{1,8}[：:]\s*/, '');
  const m = SUBJECTLESS_RE.exec(t) ?? BOUNDS_RE.exec(t);
  return m ? `no subject (${[...m[0]].slice(0, 6).join('')}…)` : undefined;
}

/**
 * A pointer to the course of a talk or a text opening the sentence (接下来…, 后头会有几个阶段…, 下面…, 稍后…, 接着…):
 * "next" after what was said before it, which the point does not show. 后面的…/下面的… (the one below) name
 * a thing, and are left to the other rules.
 */
const COURSE_RE = /^(接下来|接下來|接着|接著|后头|後頭|后面|後面|下面|稍后|稍後|待会儿|待會兒|待会|待會|等一下|等会儿|等會兒|等会|等會)(?![的])/;

/**
 * A demonstrative with a classifier and its noun (这一个范围, 这个计划, 那些渔船, 这一做法, 这项工作) whose noun the
 * text before it does not name: "this area" of a map or of the sentence before, read alone it points at nothing.
 * Only in the sentence's first clause (one opening a later clause sums up the clause before it: …，这种趋势正…).
 * Not a time (这一年, 这个时候), nor whose it is said (我们这个…, …的这些…), nor an apposition to a name just
 * written (Stable Diffusion 这个开源项目), nor "those that…" (那些计划在…的企业: the relative clause says which),
 * nor a pronoun (这个是…).
 */
const DEMONSTRATIVE_NOUN_RE =
  /(?<!的|我们|我們|你们|你們|咱们|咱們|大家)(这一个|這一個|那一个|那一個|这个|這個|那个|那個|这些|這些|那些|这一|這一|这项|這項|这类|這類|这种|這種|那种|那種)(?![是就也都会會要能可还還在有让讓使对對把被给給的了呢啊吧])(\p{Script=Han}{2})/gu;
const TIME_NOUN = /^(?:年|天|日|时|時|刻|阶段|階段|期|次|回|会儿|會兒|一|二|两|兩|几|幾)/;

/**
 * 这/那 as the subject of the main clause after an opening adverbial (在102年…公布…后，这已经有…; 从…以来，那是…):
 * what 这 stands for is not in the adverbial, it is the sentence before.
 */
const ADVERBIAL_THEN_THIS_RE =
  /^(?:(?:在|从|從|自|当|當|随着|隨著|经过|經過|截至|截止|到了|于|於)[^，,。；;]{1,40}?(?:后|後|之后|之後|以后|以後|以来|以來|时|時|时候|時候|前|之前|中|之中|期间|期間)|[^，,。；;]{1,40}?(?:之后|之後|以后|以後|以来|以來|的时候|的時候))[，,]\s*(这|這|那)(?![个個些一项項种種类類样樣里裡边邊么麼])/;

/**
 * A sentence that leans on what it does not say (besides an opening connective or back-reference): a pointer to
 * the course of the talk, a demonstrative whose noun the sentence has not named, or 这 as the subject after an
 * opening adverbial. The reason, if so.
 */
export function deicticReference(text: string): string | undefined {
  const t = text.trim();
  const c = COURSE_RE.exec(t);
  if (c) return `pointer to the talk ${c[1]}`;
  const a = ADVERBIAL_THEN_THIS_RE.exec(t);
  if (a) return `back-reference ${a[1]}`;
  // in the first clause only: one opening a later clause (…，这种趋势正改变…) sums up the clause before it
  const first = /^[^，,；;：:。！？!?]*/.exec(t)![0];
  for (const m of first.matchAll(DEMONSTRATIVE_NOUN_RE)) {
    const noun = m[2];
    if (TIME_NOUN.test(noun)) continue;
    // an apposition to a name just written (Stable Diffusion 这个开源项目, “…”这个问题) names it
    if (/[A-Za-z0-9”」』"'’）)》]\s*$/.test(first.slice(0, m.index))) continue;
    if (first.slice(0, m.index).includes(noun)) continue;
    // "those that…" (那些计划在…的企业): a relative clause says which
    if (m[1].startsWith('那') && /^[^，,；;]{0,24}的\p{Script=Han}/u.test(first.slice(m.index! + m[1].length))) continue;
    return `back-reference ${m[1]}${noun}`;
  }
  return undefined;
}

/**
 * Why a sentence cannot stand alone (an opening connective, an early back-reference, a pronoun, or a
 * predicate without its subject), if it cannot.
 */
export function dependentOpening(text: string): string | undefined {
  // a numbered paragraph (四、爰此，…) leans on what comes before as much as an unnumbered one
  const t = stripSectionNumber(text.trim());
  const c = CONNECTIVE_RE.exec(t) ?? OFFICIAL_CONNECTIVE_RE.exec(t);
  if (c) return `connective ${c[1]}`;
  const b = BACKREF_RE.exec(t);
  if (b) return `back-reference ${b[1]}`;
  const p = PRONOUN_RE.exec(t);
  if (p) return `pronoun ${p[1]}`;
  const l = LATE_THESE_RE.exec(t);
  if (l && !l[1].includes(l[3])) return `back-reference ${l[2]}${l[3]}`;
  return deicticReference(t) ?? subjectlessOpening(t) ?? ordinalReference(t);
}

/** Wording that states an overall judgement or the thesis (总体来看, 从长远看, 归根结底, 本报告认为…). */
const SUMMARY_RE =
  /总体(?:来看|而言|上看|上)|总的(?:来看|来说|而言)|整体(?:来看|而言)|综合来看|综上|从长远(?:看|来看)|长远(?:来)?看|归根(?:结底|到底)|根本(?:上|在于)|关键在于|核心在于|本质(?:上|是)|(?:本)?报告认为|本文认为|(?:本报告|本文|本研究|研究|分析|调研|评估)(?:的分析|的结果)?(?:表明|显示|发现)|由此可见|可以预见|离不开|取决于/;

export function summaryCue(text: string): string | undefined {
  return SUMMARY_RE.exec(text)?.[0];
}

/** Wording of what should be done (需要/应当…): a judgement when it closes a summary or a conclusion. */
const NORMATIVE_RE = /需要|应当|应该|必须|有必要/;

export function normativeCue(text: string): string | undefined {
  return NORMATIVE_RE.exec(text)?.[0];
}

/** Verbs and nouns of stance: what an actor wants, holds, refuses or aims at. */
const STANCE_RE =
  /主张|希望|坚持|要求|寻求|谋求|追求|试图|力图|意图|意在|有意|无意|急于|反对|拒绝|呼吁|强调|坚决|坚定|愿意|不愿|期待|期望|诉求|目标|目的|立场|关切|担心|担忧|倾向/;

export function stanceCue(text: string): string | undefined {
  return STANCE_RE.exec(text)?.[0];
}

/** Actor lists sorted longest first, per list (callers pass the same list for a whole slot). */
const longestFirst = new WeakMap<readonly string[], string[]>();

/**
 * The actor a sentence is about as its grammatical subject: one of `actors` at the very start, or right
 * after a short opening adverbial that names no actor ("目前，", "整体来看，", "在此背景下，"). Longer
 * names first, so 全球南方 wins over 南方.
 */
export function subjectActor(text: string, actors: readonly string[]): string | undefined {
  let names = longestFirst.get(actors);
  if (!names) {
    names = [...actors].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    longestFirst.set(actors, names);
  }
  const t = text.trim();
  const sorted = names;
  const at = (s: string) => sorted.find((n) => s.startsWith(n));
  const direct = at(t);
  if (direct) return direct;
  const m = /^([^，。；：“”]{1,10})[，,]/.exec(t);
  if (m && !names.some((n) => m[1].includes(n))) return at(t.slice(m[0].length));
  return undefined;
}

/**
 * One actor stating its own position: the actor as subject and a stance word within the next few
 * characters ("欧洲主张…", "全球南方国家普遍希望…", "美国的首要战略目标是…").
 */
export function actorStance(text: string, actors: readonly string[]): { actor: string; stance: string } | undefined {
  const actor = subjectActor(text, actors);
  if (!actor) return undefined;
  const t = text.trim();
  const from = t.indexOf(actor) + actor.length;
  const stance = stanceCue(t.slice(from, from + 14));
  return stance ? { actor, stance } : undefined;
}

/**
 * A definition: a term (quoted or not) and 是指/指的是/系指, or 是对…的总称 (“开源许可证侵权” 是指…, 强项是指…).
 * It explains a word the document uses; it is not what the document finds.
 */
const DEFINITION_RE = /^[“"「『]?[^，,。；;“”「」]{1,30}?[”"」』]?\s*(?:\([^()]{1,40}\)|（[^（）]{1,40}）)?\s*(?:是指|指的是|系指|即指|是[对對][^，,。；;]{1,40}?的(?:总称|總稱|统称|統稱|概称|概稱|简称|簡稱|称呼|稱呼|描述|概括))/;

export function definitionCue(text: string): string | undefined {
  const m = DEFINITION_RE.exec(text.trim());
  return m ? 'definition' : undefined;
}

/**
 * Someone speaking for themselves: 我/我们 as the subject (at the start, or after a short opening
 * adverbial: 首先，我…, 所以我们…), or an opinion verb in the first person anywhere (我认为, 我们觉得).
 * 我国/我市/我院… are the writer's country, city or body, not a speaker.
 */
const FIRST_PERSON_SUBJECT = /^(?:[^，,。；;：:“”「」]{0,8}[，,])?(?:所以|但|而|那|其实|其實|因此|现在|現在|今天)?(?:我们|我們|我(?![国國省市区區县縣院部校军軍党黨方厂廠司局会會所系]))/;
const FIRST_PERSON_OPINION = /我(?:们|們)?(?:一直|始终|始終|也|都|还是|還是)?(?:认为|認為|觉得|覺得|相信|以为|以為|感觉|感覺|希望|想|看到|发现|發現|判断|判斷)/;

/**
 * Whether the sentence is someone speaking for themselves; with `plural` false only the singular counts
 * (an official's 我们 at a press conference is their office announcing what it does).
 */
export function firstPerson(text: string, plural = true): boolean {
  const t = text.trim().replace(/^[*_]+/, '');
  const s = FIRST_PERSON_SUBJECT.exec(t);
  if (s && (plural || !/我[们們]$/.test(s[0]))) return true;
  const o = FIRST_PERSON_OPINION.exec(t);
  return !!o && (plural || !/^我[们們]/.test(o[0]));
}

/**
 * The operative sentence of a decision: what the body decides, after 决定 and a colon (会议决定：批准…,
 * 常委会决定：…), or 现决定… / 特决定…. In an official document it is what the document does; a lead-in
 * announcing a list (决定如下：) is not it.
 */
const OPERATIVE_RE = /^(?:[^，,。；;：:]{0,24}?(?:决定|決定)[：:]\s*\S|(?:现|現|特|兹|茲)(?:决定|決定)\S)/;

export function operativeCue(text: string): string | undefined {
  const t = text.trim();
  return OPERATIVE_RE.test(t) && !/[：:]$/.test(t) ? 'operative' : undefined;
}

/**
 * A method note: how the data was collected, defined, counted, grouped or sourced (…以 OpenDigger 标签数据为准,
 * 数据来源于…, 统计口径…, 本问卷根据…将受访者分为…, 本报告采用/基于/选取…, 共回收有效问卷…, 数据截至…). A report
 * states it so its figures can be read; it is not what the report finds. Ranked low, never excluded (in a
 * text that only describes its methods it may be all there is). The basis must be data (以…数据/统计…为准),
 * not a version of a text (以中文文本为准, a law's rule).
 */
const METHOD_RE = new RegExp(
  [
    // the basis of the figures: 以…数据/标签/统计/口径/调查…为准
    '以[^，,。；;]{0,30}?(?:数据|标签|统计|口径|样本|调查|问卷|榜单|排行榜)[^，,。；;]{0,10}?为准',
    // where the data comes from
    '(?:数据|资料|样本)(?:主要)?(?:来源于|来源|来自|源自|取自|采集自|均来自)',
    '统计口径|口径(?:为|是|上)|统计(?:时间|范围|周期|区间|对象)(?:为|是|截至|截止)',
    '(?:数据|统计)(?:均)?(?:截至|截止)',
    // how respondents or items were grouped: 根据…将…分为/划分为
    '(?:根据|按照|依据|按)[^，,。；;]{1,30}?(?:将|把)[^，,。；;]{1,30}?(?:分为|划分为|分成|归为|归入)',
    // the document itself, and how it was made: 本报告/本问卷/本次调查… 采用/基于/选取…
    '^(?:[^，,。；;]{0,12}[，,])?(?:本|此次|本次|这次)(?:报告|问卷|调查|调研|研究|统计|分析|榜单|排行榜|篇)(?:中|里)?(?:的数据|数据)?(?:主要)?(?:采用|基于|选取|选择|使用|采集|收集|抽取|覆盖|涵盖|面向|通过|依据|根据|共|回收|发放|以)',
    // the survey itself as the subject (本问卷…针对…进行了提问, 本问卷篇将继续关注…): how it asks, not what it
    // finds (本次调查显示/发现… is a finding)
    '^(?:[^，,。；;]{0,12}[，,])?(?:本|此次|本次|这次)(?:问卷|调查|调研)(?:篇)?(?!(?:结果)?(?:的结果)?(?:发现|显示|表明|反映|认为))',
    // what the analysis rests on: 接下来的分析，同样建立在…的基础之上
    '(?:分析|统计|研究|计算|排名|排行)(?:工作)?[，,]?\\s*(?:同样|也|均|都|仍)?(?:建立在|基于)[^。；;]{1,40}?(?:基础上|基础之上|之上)',
    // who ran a survey: 我们(再次)启动/开展了…调查
    '(?:我们|我們|本团队|课题组|研究团队)[^，,。；;]{0,6}?(?:启动|开展|发起|进行|组织|实施)了?[^，,。；;]{0,24}?(?:调查|调研|问卷)',
    // a run-in label naming the method (**调查方法**：…, 分发渠道：…, 数据来源：…)
    '^[*_]*(?:调查|調查|统计|統計|数据|數據|样本|樣本|抽样|抽樣|分发|分發|发放|發放)[^，,。；;：:*]{0,4}[*_]*\\s*[：:]',
    // how a survey reached its respondents (…等多渠道发放)
    '(?:渠道|途径|方式)(?:发放|投放|分发|收集|回收)|(?:发放|投放|分发)(?:渠道|途径|方式)',
    // the sample
    '(?:回收|收集|收到|发放)(?:了)?[^，,。；;]{0,8}?(?:问卷|样本|答卷)|有效(?:问卷|样本|答卷)|样本(?:量|数|总量|规模)',
  ].join('|'),
);

export function methodCue(text: string): string | undefined {
  return METHOD_RE.exec(text.trim())?.[0];
}

/**
 * A lead-in: the report saying what picture it draws (…勾勒出中国开源生态在 2023 年的全景图, 我们绘制了一份…地图,
 * 致力于多维度呈现…的现状与趋势) rather than drawing it. Ranked low like a method note.
 */
const LEAD_IN_RE =
  /(?:勾勒|描绘|描繪|绘制|繪製|呈现|呈現|展现|展現|刻画|刻畫)(?:出|了)?[^，,。；;]{0,30}?(?:全景|图景|圖景|地图|地圖|画像|畫像|全貌|概貌|整体状况|整體狀況|现状与趋势|現狀與趨勢|发展状况|發展狀況)/;

const DATED_OPENING = /^(?:[0-9０-９]{4}\s*年|[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日)/;

export function leadInCue(text: string): string | undefined {
  const t = text.trim();
  // a sentence opening with its date reports an event (2023 年 6 月，…发布《蓝皮书》，力图呈现…全貌): what a
  // published work aims at is part of the event
  // (…unless the writers speak: 2024年，我们…进一步绘制…的地图)
  if (DATED_OPENING.test(t) && !firstPerson(t)) return undefined;
  return LEAD_IN_RE.exec(t)?.[0];
}

/**
 * A sentence that reads a chart or table aloud (从…数据来看，…, 从下图可以看出…, 由表可知…, 如图所示，…): it
 * points at what the figure shows; a finding states it. Ranked below findings, never excluded (the
 * figures after such a lead-in are often the finding itself).
 */
const CHART_READING =
  /^(?:[^，,。；;]{0,10}[，,])?(?:从|由|通过)[^，,。；;]{0,40}?(?:数据|图表|图|表格|表|统计|曲线|分布)(?:中|上|里)?(?:来看|看来|可以看出|可以看到|可以发现|可看出|可知|可见|得知)|^(?:如|从|由)(?:上|下|前|左|右)?(?:图|表)\s*[0-9０-９.．-]*\s*(?:所示|可知|可见|来看)/;

/** An example (以 godotengine/godot 为例，…, 例如，…, 比如，…): it illustrates a finding rather than stating one. */
const EXAMPLE_OPENING = /^(?:[^，,。；;]{0,8}[，,])?(?:以|拿)[^，,。；;]{1,40}?为例[，,]|^(?:例如|比如|譬如|举例来说|举个例子)[，,：:]?/;

/**
 * A part of a system described by what it does or holds (开发工具层提供了…, 数据模块负责…): an architecture's
 * explanation, like a definition, not what the report finds. (Not exclude.ts's PART_DESCRIPTION, which is
 * the report describing its own chapters.)
 */
const COMPONENT_DESCRIPTION = /^[^，,。；;“”]{1,16}?(?:层|模块|组件|子系统)(?:主要)?(?:提供|负责|包括|包含|涵盖|用于)/;

/**
 * A leader's instruction passed on (某某总书记强调，要…; 某某总理指出，…; 某某委员长对相关工作作出重要批示): a report
 * to a legislature or a department's summary quotes the words it acts on; they frame its findings rather than
 * state one. The office, perhaps a name before or after it, perhaps where it was said, then the verb.
 */
const INSTRUCTION_PASSED_ON =
  /^(?:\p{Script=Han}{2,4})?(?:总书记|国家主席|副总理|总理|委员长|国务委员|(?:省|市|区|县)委书记|省长|市长|部长)(?:\p{Script=Han}{2,4})?(?:在[^，,。；;]{2,40}?(?:上|时|中)|对[^，,。；;]{1,20}?)?[，,]?(?:强调|指出|要求|指示|批示|作出重要(?:批示|指示)|提出明确要求)/u;

/** 'chart reading', 'example', 'description of a part' or 'instruction passed on', if the sentence is one (ranked below findings). */
export function illustrationCue(text: string): string | undefined {
  const t = text.trim();
  if (CHART_READING.test(t)) return 'chart reading';
  if (EXAMPLE_OPENING.test(t)) return 'example';
  if (COMPONENT_DESCRIPTION.test(t)) return 'description of a part';
  if (INSTRUCTION_PASSED_ON.test(t)) return 'instruction passed on';
  return undefined;
}

/**
 * A pointer to another part of the source in the sentence (…的数据结构，详见附录 B）, 参见第 9 章, see Appendix B),
 * or to a work it cites (参见 Aron [2012]):
 * the point is not whole on its own, its reader is sent to a page the brief does not have. Only a pointer to
 * a part of this document: an appendix, a section or chapter by its number, the text above or below (a law's
 * 依照本法第三十条 applies the article, and is no pointer). A figure or a table pointed at counts where the
 * sentence rests on it (具体流程见表 3.1。), not in a bracket after a claim that stands by itself (…连续下降了七个
 * 季度（见图 4.1）。).
 */
const SEE = '(?:详见|詳見|参见|參見|参阅|參閱|请见|請見|见|見)(?:本文|本报告|本報告|本书|本書)?';
const PART_POINTER = new RegExp(
  `${SEE}(?:附录|附錄|附件|附表|附图|附圖|下文|上文|前文|后文|後文|第\\s*[0-9０-９一二三四五六七八九十百]+\\s*(?:节|節|章|部分|小节|小節))|\\b(?:see|cf\\.)\\s+(?:Appendix|Section|Chapter|Sec\\.|§)\\s*[A-Z0-9]`,
  'i',
);
const FIGURE_POINTER = new RegExp(`${SEE}(?:图|圖|表)\\s*[0-9０-９]|\\b(?:see|cf\\.)\\s+(?:Fig\\.|Figure|Table)\\s*[0-9]`, 'i');
const BRACKETED = /[（(][^（）()]*[）)]/g;
/**
 * A pointer to the literature by author and year (…的名称解析系统，参见 Aron [2012]。 参见 Sompolinsky and Zohar
 * [2013]): the paper's related work, what others wrote, with the reader sent to the bibliography.
 */
const LITERATURE_POINTER = /(?:参见|參見|详见|詳見|见|見|\bsee|\bcf\.)\s*[A-Z][A-Za-z'’\-]+(?:\s+(?:et al\.|and|&)(?:\s*[A-Z][A-Za-z'’\-]+)?)?\s*\\?[[(（]\s*(?:1[89]|20)[0-9]{2}/;

export function crossReferenceCue(text: string): string | undefined {
  return PART_POINTER.test(text) || LITERATURE_POINTER.test(text) || FIGURE_POINTER.test(text.replace(BRACKETED, '')) ? 'cross-reference' : undefined;
}
