// Sentences that never become items, whatever their score: they are not statements of the document's
// content. Each kind is defined by its structure (punctuation, person, verb, position), never by any
// one document's wording:
//   question     ends with a question mark (吗/呢…？ included), outside or inside closing quotes (and a
//                listed topic put as a question without one, …如何利用价格战突出重围。: units.ts)
//   salutation   a line that only addresses people (各位代表：, 同志们！, 尊敬的…：), or a sentence opening
//                with a greeting or thanks to the room (各位朋友大家早安，…, 谢谢大家，…): ingest/salutation.ts
//   meta         the document or the speaker talking about the document or the meeting itself (an
//                editor's note, 编者按：…, too):
//                first person + 代表/向… + a reporting verb (我代表…向大会报告工作), a request to the
//                meeting (请予审议), 本报告/本文/本部分… + a verb of composing (梳理, 分为, 规定了…),
//                a part describing itself (第三部分为…, 第二章介绍…), the outline (…共分为八大部分。), or the
//                chair running the meeting (欢迎参加记者会, 今天的记者会到此结束), or the writers on how
//                the document presents its matter or who wrote it (我们将…单独展示, 由…主笔撰写), or a
//                lead-in that only announces what follows (…要做到以下几件事情。), or a pointer to
//                the document's own appendix (附录C提供了…), or the document announcing its own
//                publication (为全面介绍…，特发布本白皮书。), or a speaker introducing themselves (我叫…,
//                我是…的成员, 我目前在…工作), or a speaker running their session (我会放两部影片, 等一下…,
//                今天跟大家分享…), or the editors on what the text lets its reader see (在…随笔中，我们可以看到…)
//   citation     a source line: a dash, a name, a colon, a 《title》 and a year (– 某某：《…》，2013年…), or
//                an entry of a reference list ([2] 某某：如何评价一个开源项目，2021)
//   caption      图/表/Figure/Table + a number at the start, then a space, a colon or nothing; or a
//                sentence that only points at one (以下为…, …如下图所示。)
//   link         a sentence that carries a URL (http://, https\://): a reference, not a finding
//   aside        a sentence wholly in brackets: a stage direction or an editor's note (（播放影片：…）)
//   other language  a line tagged as another language or register ((台语)…), or written with Bopomofo
//   (the document-level kinds — its own title quoted, a term's definition body, a speaker's first
//   person — are found in structure.ts)
//   markup       a template directive a scraper kept ({{< figure … >}}, {% … %})
//   formula      a sentence written in mathematical notation (𝑃, 𝑦 ∈ {0,1}, a ≤ b × c): a brief cannot
//                set it, and a PDF's math fonts often map its letters to other characters
//   heading      a numbered clause heading standing alone (6.3.2.1实际状态评价): no sentence mark at all,
//                or a part of a series with its title (——第6部分：构筑物…的实际状态；): a name, no sentence
//   fused        a heading run into a body that opens with the heading's words, the same words twice
//                in a row (强人工智能强人工智能观点认为…): ingestion missed the heading's end

import { isSalutation } from '../ingest/salutation.js';

/** A question: the sentence's last mark (before closing quotes or brackets) is a question mark. */
const QUESTION = /[？?][”’」』）)\]"']*\s*$/;

/** First person reporting to a body: 我(们)…代表…/向…  + 报告/汇报/作…说明/报告工作. */
const FIRST_PERSON_REPORT =
  /(?:^|[，,。\s])(?:现在|下面|首先)?[，,]?(?:我|我们|本人)(?:谨)?(?:代表[^。；！？]{0,30}?)?(?:[，,]?向[^。；！？]{0,20}?)?(?:[，,]?(?:就[^。；！？]{0,20}?))?(?:报告|汇报|作[^。；！？]{0,10}?(?:报告|说明)|说明)/;
/** A request to the meeting addressed (请予审议, 请…提出意见): procedure, not content. */
const REQUEST_TO_MEETING = /请(?:予|大会|各位[^。；！？]{0,10}?)(?:审议|批准|提出意见)/;
/** The document describing itself: 本报告/本文/本研究/本章… + a verb of composing or structure. */
const SELF_DESCRIPTION =
  /^(?:[^，,。]{0,8}[，,])?(?:本(?:报告|文|研究|章|小节|节|书|篇|部分|课题|期|标准|指南)|此(?:章|小节|节|篇|部分)|这份报告|这篇(?:文章|报告))(?:[^，,。；]{0,6}?)(?:将|拟|首先|主要|旨在|试图|尝试|聚焦|围绕|梳理|介绍|回顾|概述|阐述|探讨|讨论|考察|选取|选用|分为|共分|包括|由|规定了|适用于|针对|面向|为《|从[^，,。]{0,12}(?:角度|方面|出发)|分(?:[一二三四五六七八九十两0-9]+)?(?:个)?部分)/;

/**
 * The writers on what they have done in the text so far (以上，我定义了大量的函数。 我们已经介绍、讨论并正式定义了…的协议。):
 * the paper's narration of itself, at the start of the sentence and in the past (…了), not what it finds.
 */
const WRITERS_NARRATION =
  /^(?:(?:以上|上面|前面|上文|至此|到此|综上)[，,]?)?(?:我|我们|我們)(?:已经|已經|已)?(?:正式)?(?:定义|定義|介绍|介紹|讨论|討論|描述|阐述|闡述)(?:[、和与與并並及]+(?:正式)?(?:定义|定義|介绍|介紹|讨论|討論|描述|阐述|闡述))*了/;

/** A part of the document naming what it holds: 第三和第四部分为…, 第二章介绍… (its outline, not its content). */
const PART_DESCRIPTION =
  /^(?:本(?:报告|文)的?)?第[一二三四五六七八九十0-9]{1,3}(?:[和、至到及与]第?[一二三四五六七八九十0-9]{1,3})*(?:部分|章|节|篇)(?:\s*[^，,。；\s][^，,。；]{1,20}?[，,]|(?:[^，,。；]{0,4}?)(?:为|是|将|介绍|分析|梳理|回顾|讨论|探讨|阐述|概述|总结|聚焦|围绕|包括|主要|从|通过))/;

/** The document's outline: (共)分为/分成/由 + a number + 部分/章/篇 (…共分为八大部分, 由三部分组成). */
const OUTLINE = /(?:共|全文|全书)?(?:分为|分成|包括|包含|由)[一二三四五六七八九十两0-9]{1,3}(?:个|大)?(?:部分|章|篇)(?:组成|构成)?[。；;]?$/;

/**
 * A lead-in that only announces what follows (新政府要做到以下几件事情。 主要措施如下：): a pointer, not a
 * finding. Before a full stop, 以下 announces only with what it counts or names (以下几件事情。): a bare
 * 以下。 is "below" (降到9%以下。, 六岁以下。), a finding.
 */
const COUNTED = '(?:几|[一二三四五六七八九十两0-9]{1,2})?(?:件|个|点|项|条|方面)?(?:事情|事项|措施|工作|内容|要求|任务)?';
const NAMED = '(?:(?:几|[一二三四五六七八九十两0-9]{1,2})?(?:件|个|点|项|条|方面)(?:事情|事项|措施|工作|内容|要求|任务)?|(?:事情|事项|措施|工作|内容|要求|任务))';
const LEAD_IN = new RegExp(`(?:(?:以下|如下|下列)${COUNTED}[：:]|如下。|(?:以下|下列)${NAMED}。)$`);

/** A sentence that only points at a figure or table (以下为…对比。 …，如下图所示。): a caption in prose. */
/**
 * A note under a table or figure on what it shows (注：本表反映…, 说明：此图…, 本表数据…), or its unit line
 * (单位：万元): it describes the table, not the matter.
 */
const TABLE_NOTE =
  /^(?:(?:注|说明|备注)\s*[0-9一二三四五六七八九十]?\s*[：:]\s*(?:[0-9一二三四五六七八九十][.．、]\s*)?(?:本|此|上|下|该|各)(?:表|图)|(?:本|此|上|该)(?:表|图)(?:反映|列示|显示|所列|中的?|数据|包括|统计)|(?:金额|计量)?单位\s*[：:]\s*(?:万|亿|千|百)?(?:元|美元|人|个|吨|%))/;
/**
 * A note that a table is empty (…本年度没有…收入和支出，故本表无数据。 此表为空表。): it says the table has nothing to
 * show, which is no finding — the matter it would have shown is stated, if at all, in the account's text.
 */
/** A table's note run on after its cells (合计	基本支出	项目支出注：本表反映…): furniture wherever it stands in the line. */
const RUN_ON_TABLE_NOTE = /注\s*[：:]\s*(?:本|此|该)(?:表|图)(?:反映|列示|显示|所列|数据|包括|统计)/;
const EMPTY_TABLE = /(?:本|此|该)表(?:无|没有|暂无)(?:数据|内容|数字|数值)|(?:本|此|该)表(?:为|以)?空表|以空表(?:列示|公开|反映)/;
const FIGURE_POINTER = /^(?:以下为|以下是|下图为|下图是|下表为|下表是|下图|下表)|(?:如下图表|如下图|如下表|如上图|如上表|如图\s*[0-9０-９.．-]*|如表\s*[0-9０-９.．-]*|见(?:下|上)?(?:图|表)\s*[0-9０-９.．-]*)\s*所示[。：:]?$/;

/**
 * The writers on how the document is made, not on its subject: the first-person editor's choice of
 * presentation (我们将其数据单独展示, 今年我们将…作为单独的一部分), a form of presentation (…以综合研究
 * 报告形式呈现), and who wrote it (由…主笔/执笔).
 */
const PRESENTATION =
  /(?:我们|笔者|作者|编者)(?:今年|此次|这次|在此|特意|特别)?(?:将|把)[^。；！？]{0,30}?(?:单独(?:展示|呈现|列出|成[篇章])|作为(?:单独的?|独立的?)?[一二两三0-9]?(?:个)?(?:部分|篇|章)|展示如下|列举如下)|以[^。；！？，,]{1,16}(?:的)?形式(?:呈现|组织|编排|展开)|由[^。；！？]{1,40}?(?:主笔|执笔)/;

/**
 * A report's earlier edition or part summed up by what it covered (在过去两年的年度报告商业化篇中，介绍了…,
 * 上一期报告中，我们探讨了…, 在访谈中，总结和分析…): the series describing itself, not a finding — a work, 中
 * and a verb of composing (in the past, or joined to another: 总结和分析).
 */
const EDITION_DESCRIPTION =
  /^(?:在)?[^，,。；]{0,30}?(?:报告|年报|白皮书|蓝皮书|篇|章|访谈)(?:中|里)[，,]\s*(?:我们|笔者|作者)?(?:曾|已)?(?:介绍|探讨|分析|梳理|回顾|讨论|阐述|总结|概述)(?:了|和|与|、)/;

/**
 * The document announcing its own publication, its purpose before it (为全面介绍…的实践和成效，特发布本白皮书。
 * 为…，现印发本方案。 特编写本报告): why it was issued, said of itself — the preface's closing formula, not a
 * finding. The publishing verb ends the main clause, the document (本/此/这份 + its kind) ends the sentence.
 */
const PUBLISHES_ITSELF =
  /(?:^|[，,；;])\s*(?:特|现|特此|兹)?(?:发布|发表|公布|印发|编制|编写|编撰|撰写|制定|出版|形成)(?:了)?(?:本|此|这份|这部|该)(?:[^，,。；;！本此这该的]{0,6}?)(?:白皮书|蓝皮书|报告|文件|规划|纲要|方案|意见|指南|通知|决定|计划|指引|年鉴|手册)[。！]?$/;

/**
 * The document's purpose, said of itself at its opening (为了规范…，根据宪法，制定本法。 为…，特制定本条例。): a law's or a
 * rule's first article. Not excluded (a law's summary may open with it when it has nothing better), never a point
 * (report.ts fillSorted).
 */
const PURPOSE_OF_ITSELF = /^(?:为了|為了|为|為)[^。；;]{2,}[，,]\s*(?:特|现|現|兹|茲|爰)?(?:制定|製定|制订|制訂|订定|訂定)本[^，,。；;！]{0,8}[。]?$/;

export function purposeOfItself(text: string): boolean {
  // (after its article's number: 第一条 为了…)
  return PURPOSE_OF_ITSELF.test(text.trim().replace(/^第[一二三四五六七八九十百零〇0-9]+条\s*/, ''));
}

/**
 * The editors introducing what the text lets its reader see (在活泼写实、内容丰富的随笔中，我们可以看到…, 从这篇访谈里，
 * 读者能了解到…): the text describing its own contents, not one of them.
 */
const READER_PREVIEW =
  /^(?:在|从|從|通过|通過)[^。；;！？]{0,30}?(?:文章|文字|随笔|隨筆|访谈|訪談|采访|採訪|专访|專訪|报道|報導|对话|對話|故事|篇章|本文|文中|书中|書中|一文|问答|問答|分享)(?:中|里|裡|里面|裡面|当中|當中)?[，,]\s*(?:我们|我們|读者|讀者|你|您|大家)(?:可以|能够|能夠|能|将|將|会|會|也)*(?:看到|看见|看見|读到|讀到|了解到?|瞭解到?|感受到|认识到|認識到|一窥|一窺|窥见|窺見)/;

/** A rule about the document itself, ending on it (…其最新版本适用于本文件。). */
const ABOUT_ITSELF = /(?:适用于|见|参见|构成|成为)本(?:文件|标准|部分|报告|指南|文)(?:的条款)?[。；;]?$/;

/**
 * A pointer to another part of the same document: its appendix, annex or attached table providing or
 * listing something (附录C提供了…的一般方法。 附件2列出了…): where to find it, not a finding.
 */
const APPENDIX_POINTER =
  /^(?:本|该|該)?(?:附录|附錄|附件|附表|附图|附圖)\s*[A-Za-z0-9０-９一二三四五六七八九十]{0,3}\s*(?:中|里|裡)?(?:提供|给出|給出|列出|列举|列舉|规定|規定|描述|说明|說明|介绍|介紹|包括|包含|汇总|匯總|总结|總結|展示|收录|收錄|载明|載明)/;

/**
 * A line in another language or register, tagged as such: a short bracketed tag opening the sentence
 * ((台语)…, （客语）…, （英文）…), or text written with Bopomofo for a non-Mandarin word (勇敢ㄟ台湾人).
 * A slogan in a speech, not a finding; a bracketed number ((一), （3）) is a section number, not a tag.
 */
const LANGUAGE_TAG = /^\s*[（(](?![一二三四五六七八九十百0-9]+[）)])\p{Script=Han}{1,5}[）)]\s*\S/u;
const BOPOMOFO = /[\u3100-\u312f\u31a0-\u31bf]/;

/** A credit line: who edited, wrote, reviewed or translated the text (编辑：某某，审核：某某). */
const CREDIT_LINE = /^[（(]?(?:责任编辑|責任編輯|编辑|編輯|作者|撰稿|撰文|文字|审核|審核|审校|審校|校对|校對|修订|修訂|翻译|翻譯|译者|譯者|出品|策划|策劃|统筹|統籌|供稿)[^：:，,。]{0,8}[：:]\s*\S/;

/** A speaker announcing that they report to the room (跟各位报告，… 向大家说明一下): procedure, not content. */
const TO_THE_ROOM = /^(?:我)?(?:跟|向|和)(?:各位|大家)(?:报告|報告|汇报|匯報|说明|說明|介绍|介紹)(?:一下)?[，,]/;

/**
 * A spokesperson announcing what they will report, and nothing of it (受…委托，今天由我来向大家通报…的有关情况。):
 * the statement's frame; the facts follow in the next sentences.
 */
const ANNOUNCES =
  /(?:由我|我)(?:来|來)?(?:向|跟|给|給|为|為)(?:(?:大家|各位|诸位|諸位)(?:媒体|媒體|记者|記者)?(?:朋友们?|朋友們?)?|(?:媒体|媒體|记者|記者)朋友(?:们|們)?)(?:通报|通報|报告|報告|介绍|介紹|发布|發布|说明|說明)(?:一下)?[^。！？!?]{0,60}?(?:情况|情況|进展|進展|内容|內容|事项|事項)[。．.]?$/;

/**
 * A speaker introducing themselves: their name (我叫…), their role (我是…的成员/负责人/工程师…), or where
 * they work or study (我目前在…工作). Who is talking, not what the text says.
 */
const SELF_INTRODUCTION =
  /^(?:大家好[，,！!]\s*)?(?:我叫|我的名字(?:是|叫)|我(?:目前|现在|現在|如今)?(?:是|在)[^。；;！!？?，,]{0,40}?(?:成员|成員|负责人|負責人|创始人|創始人|工程师|工程師|经理|經理|总监|總監|主任|研究员|研究員|教授|学生|學生|维护者|維護者|导师|導師|CEO|CTO|Committer|PMC|Member|工作|任职|任職|就读|就讀|读书|讀書))(?:[^。；;！!？?，,]{0,4})(?:[，,。]|$)/;

/**
 * A speaker running their own session: what they will show or do next (我会放两部影片…, 我就开始放影片),
 * what they share with the room (今天跟大家分享…), what comes later (等一下会…, 待会再…), how to ask
 * (提问的方式…, 大家问的问题…, 接下来的三十五分钟…) or the session's programme (先讲一下今天讨论的程序). The talk's frame, not its findings.
 */
const SESSION = new RegExp(
  '^(?:[^，,。；;]{0,12}[，,])?(?:我|我们|我們)(?:等一下|待会儿?|待會兒?|接下来|接下來|现在|現在|先|就|会|會|要|将|將|来|來|再|开始|開始)+(?:放|播放|播|展示|秀|讲一下|講一下|介绍一下|介紹一下|分享|回答)' +
    '|^[^，,。；;]{0,12}(?:跟|和|与|與|向)(?:大家|各位)(?:分享|介绍|介紹|聊聊|讲讲|講講)' +
    '|(?:等一下|等一會兒?|待会儿?|待會兒?)(?:会|會|再|就|我|大家|可以)' +
    '|^(?:提问|提問|发问|發問|问答|問答)的?(?:方式|方法|时间|時間|环节|環節)' +
    '|(?:各位|大家)(?:所)?(?:提|提出|问|問)的?(?:问题|問題)' +
    '|(?:接下来|接下來|之后|之後|剩下|最后|最後)的[一二三四五六七八九十两兩0-9]{1,3}分(?:钟|鐘)' +
    '|(?:今天|今日|本场|本場)(?:讨论|討論|分享|演讲|演講|活动|活動|座谈|座談)?的(?:程序|流程|进行方式|進行方式)',
);

/**
 * A topic put as a question without its question mark: a subject, then 如何 as the predicate (中国企业如何
 * 利用价格战突出重围。), or 如何 opening it. Only in a list a lead-in opens (您将会看到：…), where items are
 * topics (units.ts): in running text 如何 after a verb (面临如何…, 记录自己如何…) is part of a statement.
 */
const HOW_QUESTION =
  /^[^，,。；;：:！!？?]{0,24}?(?<!探讨|探討|探索|研究|摸索|转向|轉向|了解|知道|理解|看看|看|是|关于|關於|在于|在於|思考|讨论|討論|决定|決定|学习|學習|分析|介绍|介紹|说明|說明|展示|展现|展現|揭示|考虑|考慮|解决|解決|明白|清楚|问题|問題|教|讲|講|说|說|示范|示範|面临|面臨|面对|面對|关注|關注|记录|記錄|呼吁|呼籲)如何[^。；;！!？?]{2,60}[。；;]?$/;

export function howQuestion(text: string): boolean {
  return HOW_QUESTION.test(text.trim());
}

/** An editor's or translator's note (编者按：…, 译者注：…): the editors speaking, not the text. */
const EDITOR_NOTE_LINE = /^\s*[（(]?(?:编者按|编者注|編者按|編者註|编注|編註|译者注|譯者註|译注|譯註)\s*[：:]/;

/**
 * A sentence that only says where something is shown: …见表 5.5.1。 …详见附录A。 — the figure or table
 * named in English too, as papers in Chinese name them (得出的结果如Table 3所示。 见Fig. 2。).
 */
const SEE_POINTER = /^[^，,。；;]{0,20}(?:见|見|参见|參見|详见|詳見|如)\s*(?:(?:下|上)?(?:图|圖|表|附录|附錄|附件|附表)|(?:Table|Tab\.|Figure|Fig\.|Appendix)\s*)\s*[A-Za-z0-9０-９.．\-]*\s*(?:所示)?[。.]?$/;

/** An entry of a list of referenced standards: a code and a number, then the title (HAD 103/11 核动力厂定期安全评价). */
const STANDARD_REFERENCE = /^\s*[A-Z]{2,6}(?:\/[A-Z]{1,2})?\s*[0-9][0-9.\/—–\-]*\s*\p{Script=Han}[^，,；;：:]{1,40}[。]?$/u;

/** A source line of a quotation: (–|—|——) name ： 《title》 … year. */
const CITATION = /^\s*(?:[-–—―]{1,2}|[-–—―]{2})?\s*[^：:，,。《》]{1,16}[：:]\s*《[^》]{1,80}》[^。]{0,60}?(?:1[89]|20)[0-9]{2}\s*年/;
/**
 * A reference list's entry in the author-year-title order (g0v 社群，2015，〈开放政府资料法〉。 李四, 2019, 《数字治理》):
 * the whole sentence is the author, the year and the bracketed title.
 */
const AUTHOR_YEAR_TITLE = /^\s*[^，,。；;]{1,30}[，,]\s*(?:1[89]|20)[0-9]{2}\s*(?:年)?\s*[，,]\s*[〈《「“][^〉》」”]{1,80}[〉》」”][^。]{0,30}[。.]?$/;
/** An entry of a reference list: a bracketed number, then the reference ([2] 某某：如何评价…，2021). */
const REFERENCE_ENTRY = /^\s*\\?[\[［【]\s*[0-9]{1,3}\s*\\?[\]］】]\s*\S/;

/**
 * A heading standing alone: a numbered clause of a standard or report (6.3.2.1实际状态与设计文件一致性评价)
 * without any mark that ends or divides a sentence.
 */
const NUMBERED_HEADING = /^\s*[0-9]{1,2}(?:[.．][0-9]{1,2}){1,5}\s*\p{Script=Han}[^。！？!?；;，,：:]*$/u;

/**
 * A part of a series named with its title, alone or as a dash item of the series' list (——第6部分：构筑物、
 * 系统和设备的实际状态；, 第3部分：程序): a designation and a noun phrase, no sentence.
 */
const PART_ENTRY = /^\s*(?:[—–―-]{1,2}\s*)?第[一二三四五六七八九十0-9]{1,3}(?:部分|篇|卷|册|編|编)\s*[：:][^。！？!?，,；;：:]*[；;。.]?$/;

/** A caption: 图/表/Figure/Table with a number (Arabic or Chinese, 2-1 / 3.2 too) at the very start. */
/**
 * A chart's words read as one line: cells apart by tabs, with a bracketed figure label among them and no
 * sentence end (政策基础 35.0%资料现况 35.0%影响力\t30.0%〈图表 2.1 〉 总分2-1.\t绪论).
 */
const CHART_RUN = /^(?=[^。！？!?]*$)(?=.*\t).*[〈【［\[]\s*(?:图表|圖表|图|圖|表)\s*[0-9０-９]/;
// …also in brackets, as a typeset report sets it (〈图表 2.2 〉 政府资讯公开 vs 开放政府资料)
const CAPTION_LABEL = '(?:图表|圖表|图|圖|表|附图|附圖|附表|Figure|Fig\\.|Table)\\s*(?:[0-9０-９]+(?:[-.．–][0-9０-９]+)*|[一二三四五六七八九十]{1,3})';
const CAPTION = new RegExp(`^\\s*(?:[〈<《【［\\[]\\s*${CAPTION_LABEL}\\s*[〉>》】］\\]]|${CAPTION_LABEL}(?=\\s|[：:.．、]|$))`, 'i');

/** Section number at the start (一、 （三） 3. 3.2 2) 第二章 第十条): not sentence content. */
export const SECTION_NUMBER =
  /^\s*(?:第[一二三四五六七八九十百零〇0-9]{1,4}(?:部分|[章节篇条款])\s*|[一二三四五六七八九十]{1,3}[、．.]\s*|[（(](?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[）)]\s*|[0-9]{1,2}(?:[.．][0-9]{1,2})*[、．.](?![0-9])\s*|[0-9]{1,2}[)）]\s*|[0-9]{1,2}(?:[.．][0-9]{1,2})+\s+)/;

/**
 * A bullet at the start (• ■): a list mark, not a number, so not a sign of a numbered heading. A lone
 * Latin letter and a space before Chinese text (l 标签…) is a symbol font's bullet read as a letter.
 */
const BULLET = /^\s*(?:[•▪■●◆❖➢►]\s*|[lnquvØü]\s+(?=\p{Script=Han}))/u;

/** The text without a leading section number or bullet (一、 （三） 3. •): the rest is the sentence. */
export function stripSectionNumber(text: string): string {
  const m = SECTION_NUMBER.exec(text) ?? BULLET.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length);
  return rest.trim() ? rest : text;
}

/**
 * A heading run into its body, which opens with the heading's words: the same run of three or more
 * Han characters twice in a row at the very start, after a section number if any (强人工智能强人工智能
 * 观点认为…, 三、机器学习机器学习的主要目的…). No sentence writes that; ingestion missed the end of
 * the heading. (A repeat a few characters later is ordinary prose: 个人信息处理者处理个人信息…)
 */
const REPEATED_OPENING = /^(\p{Script=Han}{3,12})\1/u;

function fusedHeading(text: string): boolean {
  const t = stripSectionNumber(text).trim();
  // …also after a heading's own run-in label (3.1 赛道一：中文拼写检查中文拼写检查任务要求…), which the item
  // would drop, leaving the doubled words at its start
  return REPEATED_OPENING.test(t) || REPEATED_OPENING.test(t.replace(RUN_IN_LABEL, ''));
}

/**
 * Labels run into the text (案例特色：议员配合款参与式预算模式：议员委托里长进行数位工具：新北市…): two colons
 * or more before the first comma, none inside a quotation — a box's or a figure's labels read into the paragraph
 * beside them (a two-column PDF page). A sentence puts one colon before what it says, not a chain of them.
 */
const FUSED_LABELS = /^[^，,。；;！？!?：:“”「」"]{1,20}[：:][^，,。；;！？!?：:“”「」"]{1,24}[：:]/;

/**
 * A run of short labels and no sentence (政府开放资料，公民社会): a diagram's words read as a paragraph of their
 * own — no end, no clause, every piece a few words. Asked only of a paragraph that is nothing else: a list
 * item without its end is a list's way of writing.
 */
export function labelRun(text: string): boolean {
  const t = text.trim();
  if (/[。！？!?…；;：:]/.test(t) || [...t].length > 30) return false;
  const parts = t.split(/[，,、／/]/).map((x) => x.trim());
  return parts.length >= 2 && parts.every((x) => x.length > 0 && [...x].length <= 8 && !/[0-9０-９]/.test(x));
}

/** A short run-in label before a colon (赛道一：, 第二部分：). */
const RUN_IN_LABEL = /^[^，,。；;：:“”「」]{1,10}[：:]\s*/;

/**
 * A URL with its scheme, also with a Markdown-escaped colon (https\://): a reference line. A site named
 * in passing (澎湃新闻（www.thepaper.cn）) does not make a sentence a reference.
 */
const LINK = /(?:https?|ftp)\\?:\/\//i;
/**
 * A bare web address at a sentence's head, after a label or none (项目官方主页与文档：kubevela.io ，从 1.1 版本开始…):
 * a scraped page's list of where to go, its link text left as words; what follows the address hangs on it.
 */
const ADDRESS_HEAD = /^(?:[^，,。：:]{0,16}[：:]\s*)?(?:www\.)?(?:[A-Za-z0-9-]+\.)+(?:com|org|net|io|cn|tw|gov|edu|dev|info|cc|co|me|app|ai)(?:\/[^\s，,。]*)?\s*(?:[，,]|$)/;
/** A sentence wholly in brackets: （…） or (…), with at most a full stop after it. */
const ASIDE = /^[（(][^（）()]*[）)][。.]?$/;
/** Static-site template directives (Hugo shortcodes, Liquid tags) a scraper kept in the text. */
export const TEMPLATE_DIRECTIVE = /\{\{[<%]|[>%]\}\}|\{%|%\}/;

/**
 * The meeting run by its chair: opened, welcomed, closed (欢迎参加记者会, 今天的记者会到此结束, …就到这边),
 * its order given (流程会先请…), the floor opened to questions (接下来开放提问, 我们现在进行答问), or the
 * turn handed on (好，请台视。 谢谢副署长。): the event's running, not its content.
 */
const EVENT = '(?:记者会|記者會|发布会|發佈會|发表会|發表會|说明会|說明會|座谈会|座談會|会议|會議|大会|大會|论坛|論壇|活动|活動|典礼|典禮)';
const PROCEDURE = new RegExp(
  `${EVENT}(?:就)?(?:到此结束|到此結束|现在结束|現在結束|现在开始|現在開始|正式开始|正式開始|圆满结束|圓滿結束|到这边|到這邊|到这里|到這裡|到这儿)` +
    `|欢迎(?:大家|各位)?(?:参加|出席|来到|光临)(?:今天的|本次)?${EVENT}|歡迎(?:大家|各位)?(?:參加|出席|來到|光臨)(?:今天的|本次)?${EVENT}` +
    '|^流程(?:会|會|是|上)?(?:先|首先)?(?:请|請)' +
    '|^(?:[^，,。；;]{0,10}[，,])?(?:接下来|接下來|现在|現在|下面|我们|我們|那么|那麼|那|好|就)*(?:开放|開放|进行|進行|进入|進入|开始|開始)(?:媒体|媒體|现场|現場)?(?:提问|提問|答问|答問|问答|問答)',
);
/** The turn handed on, or thanked for, and nothing else (好，请台视。 谢谢副署长。): anyone may say it. */
const HANDOFF = new RegExp(
  '^(?:好|那|那么|那麼)?[，,]?(?:我们|我們)?(?:现在|現在)?(?:就)?(?:请|請)[^，,。；;！!？?\\s]{1,8}[。！!]?$' +
    '|^(?:好|那)?[，,]?(?:谢谢|謝謝|感谢|感謝)[^，,。；;！!？?\\s]{0,8}[。！!]$',
);

/** Mathematical notation: a letter from Unicode's mathematical alphanumerics, or two relation/operator signs. */
const MATH_LETTER = /[\u{1D400}-\u{1D7FF}]/u;
const MATH_SIGNS = /[∈∉∋∑∏∫∀∃⊂⊆⊃⊇∪∩≤≥≠≈≡∝∞√∂∇]/g;

/**
 * A calculation written out: a division or multiplication sign, or a sign between two quantities
 * (104天-11天, 2+3), with an equals sign (250天÷12月＝20.83天/月, 年工作日：365天-104天＝250天); or two
 * division or multiplication signs (月工资收入÷（月计薪天数×8小时）), or a division sign, which prose never writes
 * (日工资：月工资收入÷月计薪天数; × also gives sizes, 30×40米). Arithmetic to read in its table, not a point —
 * unless it ends in the result it arrives at (STATED_RESULT): then the result is a finding.
 */
const ARITHMETIC_SIGN = /[÷×]|[0-9０-９][^\s，,。；;、0-9０-９+＋\-－]{0,3}\s*[+＋\-－]\s*[0-9０-９（(]/g;
const EQUALS = /[=＝]/;

/**
 * The result a calculation arrives at, at its end (…＝250天, …＝20.83天/月, …=100元。): what the text rules or
 * finds (a notice that sets the working days a month), said with its working.
 */
const STATED_RESULT = /[=＝]\s*[0-9０-９][0-9０-９.,，]*\s*[^\s=＝÷×+＋\-－（()）0-9０-９]{0,4}(?:\/[^\s=＝÷×]{1,2})?\s*[。.]?$/;

function isCalculation(text: string): boolean {
  if (STATED_RESULT.test(text)) return false;
  const signs = text.match(ARITHMETIC_SIGN)?.length ?? 0;
  const products = text.match(/[÷×]/g)?.length ?? 0;
  return (signs >= 1 && EQUALS.test(text)) || products >= 2 || text.includes('÷');
}

/**
 * A comparison or equation of symbols glued to the text that follows it, as a PDF sets a displayed formula and
 * its equation number before the next line ((49)	Hs > P(H)H这个机制保证了…): the formula's residue opens the sentence.
 */
const FORMULA_RUN_IN = /^(?:[(（][0-9]{1,3}[)）]\s*)?[A-Za-z\u0370-\u03ff][A-Za-z0-9()[\]′'\s]{0,10}\s*[<>≤≥=＝]\s*(?=[0-9()[\]′']*[A-Za-z])[A-Za-z0-9()[\]′']{1,12}\p{Script=Han}/u;

function isFormula(text: string): boolean {
  return FORMULA_RUN_IN.test(text) || MATH_LETTER.test(text) || (text.match(MATH_SIGNS)?.length ?? 0) >= 2 || isCalculation(text);
}

/**
 * A symbol, as a paper writes one: Latin or Greek letters, digits, primes, brackets and operators, no
 * Han character and no sentence mark (T, Hc, σ[a]s, Υg, L∗I).
 */
const SYMBOL = '[A-Za-z\u0370-\u03ff][^\\p{Script=Han}，,。；;：:！？!?]{0,11}?';
/**
 * A sentence that ends by naming its symbol (…，由 T 表示。 这个哈希定义为 σ[a]s。 …记为 Ht。): a paper's
 * notation, what a reader looks up, not what the paper finds.
 */
const NOTATION_END = new RegExp(
  `(?:(?:由|用|以)\\s*${SYMBOL}\\s*(?:来)?(?:表示|表達|表示之)|(?:定义|定義|记|記|表示)(?:为|為|作)\\s*${SYMBOL})\\s*[。.]?$`,
  'u',
);

/** A symbol chosen for something, anywhere (例如用 T 表示一个交易, 我们用 b 来表示代码). */
const NOTATION_USE = new RegExp(`用\\s*${SYMBOL}\\s*(?:来|來)?表示`, 'u');
/** A definition sign (≡, ≜, ≔) or a Greek letter applied to arguments (Υ(σ, T)): a formula set in the text. */
const DEFINITION_SIGN = /[≡≜≔]|[\u0370-\u03ff]\s*\(/u;

/**
 * An entry of a list of fields: an identifier as a program spells it, lower case first (stateRoot：…, nonce：…,
 * gas_limit：…), then what it holds. A specification's reference, not a finding; a name (Gitee：…) may be one.
 */
const FIELD_ENTRY = /^[a-z][A-Za-z0-9_]*\s*[：:]/;

/**
 * An entry of a list of symbols: a symbol of a few letters first (Ia, IH, σ′), a comma, and what it stands for
 * in one phrase (IH，当前区块的区块头。 Ib，所要执行的机器代码字节数组。): a paper's key to its notation, not a finding.
 * The phrase has a 的 and no comma of its own, and does not open as a predicate (AI，即人工智能… AI，是…).
 */
const SYMBOL_ENTRY = /^[A-Za-z\u0370-\u03ff][A-Za-z0-9′']{0,2}\s*[，,]\s*(?!即|是|为|為|作为|作為|也|则|則|就|在|将|將|已|被|可|能|会|會|要)[^，,。；;：:！？!?]*的[^，,。；;：:！？!?]*[。；;]/u;

/** A convention of notation: what kind of letter stands for what (序列通常用粗体小写字母表示). */
const NOTATION_CONVENTION = /(?:字母|符号|符號|下标|下標|上标|上標|粗体|粗體|斜体|斜體)(?:来|來)?表示/;
/**
 * A symbol standing in the text: a Greek letter, or one Latin letter on its own between spaces or marks
 * (状态 σ′，剩余的 gas g′，子状态 A 和输出 o) — not one in a word (A股, AI, RISC-V) nor in a list (B、C、D);
 * a sentence counts as formalism only with a Greek letter among them.
 */
const SYMBOL_TOKEN = /[\u0370-\u03ff]|(?<=\s)[A-Za-z][′']?(?=[\s，,。；;]|$)/gu;
const GREEK = /[\u0370-\u03ff]/u;
/**
 * A Greek letter standing as a symbol of its own, with or without a subscript (…定义了状态转换函数 Υ。, 定义的
 * Υl。, 状态 σ′): Chinese prose has no Greek word, so the sentence uses the paper's notation (a β 版, α粒子
 * is a name, and stays).
 */
const GREEK_LETTER = '[\\u0391-\\u03a9\\u03b1-\\u03c9]';
const GREEK_SYMBOL = new RegExp(`(?:^|[\\s(（，,：:])${GREEK_LETTER}[A-Za-z0-9′']{0,3}(?=[)）。，,；;：:]|\\s*$|\\s+[^\\s\\p{Script=Han}])`, 'u');
/** Any Greek letter but a unit's μ (μm): in a summary, notation its reader has not been given (状态转换函数 Υ, σ[a]). */
const GREEK_IN_TEXT = new RegExp(`${GREEK_LETTER}(?<!μ(?=[A-Za-z]))`, 'u');

/** A Greek letter set as a symbol anywhere in the text (GREEK_IN_TEXT): no summary sentence. */
export function notationSymbol(text: string): boolean {
  return GREEK_IN_TEXT.test(text);
}
/** A sentence with this many symbols is the paper's formalism in words. */
const SYMBOLS_IN_FORMALISM = 3;

/**
 * Characters set apart by spaces (EVM 是 一 个 简 单 的 架 构): a PDF's letter-spaced line the reader did not
 * join; printed so, it reads as broken text. Half of the characters or more stand alone, six at least.
 */
const SPACED_HAN = /(?<=\s|^)\p{Script=Han}(?=\s)/gu;

export function spacedOut(text: string): boolean {
  const alone = text.match(SPACED_HAN)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return alone >= 6 && alone * 2 >= han;
}

/** Whether a sentence gives notation (NOTATION_END, NOTATION_USE) or sets a formula in its text. */
export function notation(text: string): boolean {
  const t = text.trim();
  return NOTATION_END.test(t) || NOTATION_USE.test(t) || NOTATION_CONVENTION.test(t) || DEFINITION_SIGN.test(t) || GREEK_SYMBOL.test(t) || (GREEK.test(t) && (t.match(SYMBOL_TOKEN)?.length ?? 0) >= SYMBOLS_IN_FORMALISM);
}

/**
 * A label and a bare list after its colon (首批高校：甲大学、乙大学、丙大学和丁大学；以及…, 需要多个参数：发送者（s）、
 * 接收者（r）、…): what there is, item by item, with no figure and nothing said of it.
 */
const LABELLED_LIST = /^(?!《)[^，,。；;：:！？!?]{2,40}[：:]([^，,：:！？!?]+)$/;

/** The longest entry of a bare list, in characters (消息调用/合约创建的当前栈深度). */
const LIST_ENTRY_CHARS = 16;

/** A verb that makes what follows the colon a clause (大多数受访者通过代码托管平台、搜索引擎…来检索). */
const LIST_VERB = /通过|通過|包括|包含|是|为|為|有|来|來|将|將|可以|能够|能夠|显示|顯示|表明|认为|認為|采用|採用/;

export function labelledList(text: string): boolean {
  // what brackets hold is a gloss of one item (可用的 gas（g）, 转账金额（v，即初始捐款）), not a clause of the sentence
  const m = LABELLED_LIST.exec(text.trim().replace(/[（(][^（）()]{0,40}[）)]/g, ''));
  if (!m) return false;
  const rest = m[1];
  const figures = text.slice(Math.max(text.indexOf('：'), text.indexOf(':')) + 1);
  // four things at least: three 、, or two and a last one joined by 和, 及, 以及
  const items = (rest.match(/、/g)?.length ?? 0) + (/和|及|与|與/.test(rest) ? 1 : 0);
  // …each a name, not a clause (主要原因包括其免费性、可二次开发能力…: a sentence after a run-in label)
  const short = rest.split(/[、；;]|以及|及|和|与|與/).every((x) => [...x.replace(/[。.\s]/g, '')].length <= LIST_ENTRY_CHARS);
  return items >= 3 && short && !LIST_VERB.test(text) && !/[0-9０-９%％]/.test(figures);
}

/** A label run in before a list, up to its colon (需要多个参数：). */
const LIST_LABEL = /^[^，,。；;：:！？!?（()）]{2,40}[：:]/;

/** The verbs of policy that take a list as their object (重点支持集成电路（芯片）、新型显示（面板）…): a predicate. */
const POLICY_VERB = /支持|鼓励|加快|加强|加大|推进|推动|促进|发展|建设|实施|开展|提高|提升|完善|落实|建立|健全|优化|深化|强化|培育|打造|引导|规范|保障|保护|禁止|限制/;

/** Joins the last entry of a list to the one before (…、转账金额（v）以及调用深度（e）). */
const LAST_JOIN = /以及|及|和|与|與|或/;

/**
 * A bare list and no claim, run in after a label or not: entries, most with a symbol or a gloss in brackets, apart by 、
 * (发送者（s）、原始交易人（o）、可用的 gas（g）、gas 价格（p）…以及对状态进行修改的许可（w）。) — the parameters of
 * a function or the fields of a record, what a reader looks up, not what the text finds. Four entries at
 * least, three in four of them glossed, each as short as a name, no clause mark outside the brackets, no
 * figure and no verb that would make it a sentence (LIST_VERB): a sentence that lists sectors says what is
 * done to them (加大危险化学品、矿山、工贸等行业执法力度) and has no glosses.
 */
export function glossedList(text: string): boolean {
  // a run-in label before it (创建一个账户需要很多固有参数：…) says only that a list follows
  const t = text.trim().replace(LIST_LABEL, '');
  if (!t.includes('、') || !/[（(]/.test(t) || /[0-9０-９%％]/.test(t)) return false;
  const entries: { bare: string; glossed: boolean }[] = [];
  let depth = 0;
  let bare = '';
  let glossed = false;
  const close = () => {
    entries.push({ bare, glossed });
    bare = '';
    glossed = false;
  };
  for (const ch of t) {
    if (ch === '（' || ch === '(') {
      depth++;
      glossed = true;
    } else if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (ch === '、') close();
    else if (/[，,；;：:！？!?]/.test(ch)) return false;
    else bare += ch;
  }
  close();
  const glosses = entries.filter((e) => e.glossed).length;
  // the last entry may hold two, joined by 以及, 和… (转账金额（v）以及调用深度（e）): each as short as a name
  const short = entries.every((e) => e.bare.split(LAST_JOIN).every((x) => [...x.replace(/[。.\s]/g, '')].length <= LIST_ENTRY_CHARS));
  const words = entries.map((e) => e.bare).join('');
  // the list is the whole sentence: it ends on its last entry's gloss or symbol (…的许可（w）。), not on what
  // the entries are of (…和生物医药（医药）等产业。)
  const ends = /(?:[）)]|\s?[A-Za-z])[。.]?$/.test(t);
  return entries.length >= 4 && glosses >= 3 && 4 * glosses >= 3 * entries.length && short && ends && !LIST_VERB.test(words) && !POLICY_VERB.test(words);
}

/** A sentence only the chair says: the event opened, closed, its order given, the floor opened (see PROCEDURE). */
export function chairsEvent(text: string): boolean {
  return PROCEDURE.test(text.trim());
}

export type Exclusion =
  | 'question'
  | 'salutation'
  | 'meta'
  | 'citation'
  | 'caption'
  | 'link'
  | 'aside'
  /** In a box set apart from the text (专栏): its title, projects or indicators (ingest/boxes.ts). */
  | 'box'
  | 'markup'
  | 'formula'
  | 'heading'
  | 'fused heading'
  | 'other language'
  | 'definition body'
  | 'list fragment'
  | 'phrase'
  | 'glossary entry'
  /** An example set out as a table's row or under its label (原句 …, 输出：…): what a system reads or writes. */
  | 'example';

/**
 * A "sentence" that is only an adverbial phrase: 除了…以外。, 除…之外。 (a translator's or a speaker's
 * afterthought set off with a full stop). It has no clause of its own to state anything.
 */
const PHRASE_ONLY = /^(?:除了|除去|除)[^，,。；;！？!?：:]{1,40}(?:以外|之外)[。！!]?[”」）)]*$/;

/**
 * An example set out under the label of its part — a row of an example table (原句 | 他做梦的时候…, 改正后 |
 * …, 参考答案 | …) or a labelled line (输入：…, 输出：…, Source: …) — then a tab, a colon or a wide space,
 * then the example itself: it shows what a learner wrote or what a system reads or writes; it states no
 * finding of the text it is in.
 */
const EXAMPLE_ROW =
  /^(?:原句|原文|例句|示例句|错误句|正确句|病句|改正(?:后)?|修改(?:后)?|纠正(?:后)?|修正(?:后)?|改写(?:后)?|参考答案|标准答案|预测结果|模型输出|系统输出|输入|输出|Source|Target|Input|Output|Reference|Hypothesis|Prediction)(?:句子|句|文本)?\s*(?:\t|[：:]|[ \u3000]{2,})\s*(?=\S)/i;
/** Cells of a table's row read as one sentence: a tab between them (the gap between cells a PDF's layout marks so). */
const CELLS = /\S\t+\S/;

/**
 * A table's furniture read as a sentence: words run together with no mark at all (no stop, comma, colon
 * or enumeration comma), long as a sentence, that are either a table's title run on into the heads of its
 * columns (…决算表财政拨款…购置费因公出国, …收支表年初结转和) or a row of figures (2080505 基本养老保险
 * 446.11 446.11 0.00, 城乡社区支出 3832.36 3832.36). A sentence without marks that is neither (a quote, a formula) stays a candidate.
 */
function tableFurniture(t: string): boolean {
  // a decimal point is no mark, nor is the enumeration comma of a row's number (十一、城乡社区支出 …)
  const marks = t.replace(/^(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、．.]\s*/, '').replace(/(\d)[.．](?=\d)/g, '$1');
  if (/[。！？!?；;，,：:、．.…—]/.test(marks) || !/\p{Script=Han}/u.test(t)) return false;
  return ([...t].length >= 18 && TABLE_TITLE_RUN_ON.test(t)) || TABLE_TITLE_ALONE.test(t) || FIGURES_ROW.test(t);
}
/** A table's title on a line of its own (…收入支出决算表, …统计表): it names the table, it states nothing. */
const TABLE_TITLE_ALONE = /(?:决算|预算|收支|统计|一览|明细|汇总|对照|清单|情况)表$/;
/** A table's title (…决算表, …统计表, …一览表) with more words right after it. */
const TABLE_TITLE_RUN_ON = /(?:决算|预算|收支|统计|一览|明细|汇总|对照|清单|情况)表(?=\p{Script=Han})/u;
/** Two figures or more apart by spaces only: the cells of a row after its name (rows run together too). */
const FIGURES_ROW = /\s-?\d[\d,]*(?:\.\d+)?%?\s+-?\d[\d,]*(?:\.\d+)?%?(?=\s|$|\p{Script=Han})/u;

/**
 * A pointer to further reading (若想了解本届入围专案，欢迎参阅提案列表。 如需了解详情，请浏览官网。): it sends the
 * reader elsewhere, often to a link a scraped page lost; it states nothing.
 */
const FURTHER_READING =
  /^(?:若|如|如果|倘若|想)(?:想|要|欲|需|需要|您想|你想|您要|你要)?(?:进一步|進一步|更多)?(?:了解|瞭解|知道|查看|认识|認識|参考|參考)[^。！!？?；;]{0,30}[，,]\s*(?:欢迎|歡迎|请|請|敬请|敬請|可|可以|不妨)?(?:您|你|大家)?(?:参阅|參閱|参考|參考|阅读|閱讀|查看|查阅|查閱|浏览|瀏覽|点击|點擊|点选|點選|前往|移步|访问|訪問|至|到)/;

/**
 * The same pointer put as an order, the place first (在 GitHub 社区仓库中了解更多关于用户组的信息。 请至官网查看完整名单。):
 * a scraped page's link to somewhere else, its text left without the link.
 */
const LEARN_MORE_THERE =
  /^(?:请|請|您可以|你可以|可以)?(?:在|到|于|於|至|前往|访问|訪問)[^。！!？?，,；;]{1,40}?(?:了解|瞭解|查看|阅读|閱讀)(?:更多|详情|詳情|完整)/;

/** Whom a page's call to action addresses: the reader, in general words (大家, 开发者们, 感兴趣的朋友). */
const READERS =
  '(?:各位|大家|您们|您們|您|你们|你們|你|广大|廣大|更多的?|所有|感兴趣的|感興趣的|有兴趣的|有興趣的)?' +
  '(?:开发者|開發者|用户|用戶|朋友|小伙伴|小夥伴|伙伴|夥伴|同学|同學|读者|讀者|爱好者|愛好者|贡献者|貢獻者|社区成员|社區成員)?(?:们|們)?';
/**
 * A call to action to the reader (非常欢迎开发者们参与到社区…。 如果你对开源感兴趣，我们非常欢迎你加入…。 期待你的加入！
 * 让我们一起发展社区！):
 * a blog's or a release's invitation to take part, not what the page reports. 欢迎 with a named guest
 * (欢迎彭博加入用户组) is news and stays.
 */
const CALL_TO_ACTION = new RegExp(
  `^(?:(?:如果|若|如|倘若)[^，,。！!？?]{1,30}[，,]\\s*)?(?:我们|我們)?(?:也|同时|同時|更)?(?:非常|十分|热烈|熱烈|诚挚|誠摯)?(?:欢迎|歡迎)${READERS}\\s*(?:积极|積極|踊跃|踴躍|一起|共同)?(?:参与|參與|加入|贡献|貢獻|关注|關注|试用|試用|体验|體驗|反馈|反饋|联系|聯繫|扫码|掃碼|留言|报名|報名|下载|下載|Star|star)` +
    `|(?:期待|期盼|欢迎|歡迎)(?:你|您|大家|各位)?的?(?:加入|参与|參與|到来|到來)[！!。]?$` +
    `|^(?:让|讓)(?:我们|我們)(?:一起|一同|携手|攜手|共同)[^。！!？?]*[！!]$`,
);

/** An invitation to write in the page itself (如果你想加入此篇共笔协作，建议…): how to contribute, not what it says. */
const CONTRIBUTE_TO_ITSELF = /^(?:如果|若|如|倘若)?(?:你|您|大家)?(?:想|要|有意|希望)?(?:加入|参与|參與|共同编辑|共同編輯|编辑|編輯)(?:此篇|本篇|这篇|這篇|本文|此文|本页|本頁|此页|此頁)/;

/** Why a sentence may never be an item, or undefined when it may. */
export function exclusionOf(text: string): Exclusion | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (QUESTION.test(t)) return 'question';
  if (isSalutation(t)) return 'salutation';
  if (CITATION.test(t) || REFERENCE_ENTRY.test(t) || AUTHOR_YEAR_TITLE.test(t) || STANDARD_REFERENCE.test(t)) return 'citation';
  if (CAPTION.test(t) || CHART_RUN.test(t) || FIGURE_POINTER.test(t) || SEE_POINTER.test(t) || TABLE_NOTE.test(t) || RUN_ON_TABLE_NOTE.test(t) || EMPTY_TABLE.test(t)) return 'caption';
  if (TEMPLATE_DIRECTIVE.test(t)) return 'markup';
  if (LINK.test(t) || ADDRESS_HEAD.test(t)) return 'link';
  if (ASIDE.test(t)) return 'aside';
  if (LANGUAGE_TAG.test(t) || BOPOMOFO.test(t)) return 'other language';
  if (PROCEDURE.test(t) || HANDOFF.test(t) || FIRST_PERSON_REPORT.test(t) || REQUEST_TO_MEETING.test(t) || SELF_DESCRIPTION.test(t) || WRITERS_NARRATION.test(t) || PART_DESCRIPTION.test(t) || OUTLINE.test(t) || ABOUT_ITSELF.test(t) || PUBLISHES_ITSELF.test(t) || PRESENTATION.test(t) || EDITION_DESCRIPTION.test(t) || LEAD_IN.test(t) || APPENDIX_POINTER.test(t) || CREDIT_LINE.test(t) || EDITOR_NOTE_LINE.test(t) || TO_THE_ROOM.test(t) || ANNOUNCES.test(t) || SELF_INTRODUCTION.test(t) || SESSION.test(t) || FURTHER_READING.test(t) || CONTRIBUTE_TO_ITSELF.test(t) || READER_PREVIEW.test(t) || LEARN_MORE_THERE.test(t) || CALL_TO_ACTION.test(t)) return 'meta';
  if (labelledList(t) || glossedList(t)) return 'list fragment';
  if (isFormula(t) || notation(t)) return 'formula';
  if (spacedOut(t)) return 'markup';
  if (FIELD_ENTRY.test(t) || SYMBOL_ENTRY.test(t)) return 'glossary entry';
  if (NUMBERED_HEADING.test(t) || PART_ENTRY.test(t)) return 'heading';
  if (fusedHeading(t) || FUSED_LABELS.test(t)) return 'fused heading';
  if (PHRASE_ONLY.test(t) || tableFurniture(t)) return 'phrase';
  if (EXAMPLE_ROW.test(t) || CELLS.test(t)) return 'example';
  return undefined;
}
