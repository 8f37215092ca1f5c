// Spoken texts — an interview, a press conference, a speech or a transcribed talk (genre/index.ts:
// 'interview' or 'speech') — carry the marks of talk that a written text does not: hedges and
// discourse markers opening a sentence (我想，… 其实… 那… 就是说…), the speaker describing their own
// talk (第一段的重点是…, 我今天要讲三件事), ordinals that answer a question (第一个，…), stories told in the
// first person (我记得…那时候…, 有一次…), sentences that lean on the turn before (这个部分…, 接下来…), and
// remarks around the subject (…是大家常听到的, 我们是一个创业公司，…, …，很奇怪。, 首先感谢…, …存在两个问题。), and
// in an interview the guest's own biography (毕业后…, 到了大四，…). None of these is a finding.
//
// The convention (issue #14, fault 1): a brief never puts words in a speaker's mouth, so a sentence is
// never rewritten to drop its discourse marker. Such a sentence ranks lower than a clean statement
// (spokenPrior); it stays a candidate when nothing cleaner is left, and then it is quoted as said.
// The speaker describing their talk is never an item (talkStructure: exclusion 'meta').
// The rules are only applied to spoken genres: a written report's 第一， or 其实 is the writer's.
import type { Block, SourceDoc } from '../model.js';
import { docSegments } from '../ingest/walk.js';
import { genreOf } from './genre/index.js';

/** Whether the document is talk: an interview, a press conference, a speech or a talk (not a work report). */
export function spokenGenre(doc: SourceDoc): boolean {
  return genreOfDoc(doc) !== undefined;
}

/** The spoken genre of a document ('interview' when questions are asked in it), if it is talk. */
function genreOfDoc(doc: SourceDoc): 'interview' | 'speech' | undefined {
  if (!known.has(doc)) {
    const g = genreOf(doc);
    // minutes read as turns (genre transcript) are talk too: hedges, stories and pointers back to a turn
    known.set(doc, g === 'interview' || g === 'speech' ? g : g === 'transcript' ? 'speech' : undefined);
  }
  return known.get(doc);
}

const known = new WeakMap<SourceDoc, 'interview' | 'speech' | undefined>();

/** Who answers in an interview: the speakers of its sentences that are not asked, and of its quotes. */
function guestsOf(doc: SourceDoc): string[] {
  let g = guests.get(doc);
  if (!g) {
    const names = new Set<string>();
    for (const v of docSegments(doc)) if (!v.segment.asked && v.segment.speaker?.name) names.add(v.segment.speaker.name.trim());
    for (const q of doc.quotes) if (q.speaker?.name) names.add(q.speaker.name.trim());
    g = [...names].filter((n) => [...n].length >= 2 && !/[：:，,。]/.test(n)).sort();
    guests.set(doc, g);
  }
  return g;
}

const guests = new WeakMap<SourceDoc, string[]>();

/**
 * A hedge or discourse marker opening the sentence: what a speaker says before they say something
 * (我想，… 其实… 那，… 所以说… 好比像说… 就是说… 简单讲… 基本上…). 那 and 对 count only as markers
 * (那，/那我们…, 对，), not as the words they also are (那些, 对于).
 */
const MARKER = new RegExp(
  '^(?:' +
    [
      '我想[，,]',
      '我(?:觉得|覺得)[，,]',
      '其实|其實',
      '那(?:么|麼)?[，,]|那(?=我|我们|我們|就|你|大家)',
      '所以(?:说|說)?[，,]|所以(?:说|說)',
      '(?:好比|就好比)(?:像)?(?:说|說)?|像是(?:说|說)',
      // 像 X，… (take X, for instance): an example announced before the statement
      '像(?![素样樣章])(?:是|说|說)?(?=[^，,。；;]{1,15}[，,])',
      // …知道, also after the conjunction that gives it as a reason (因为我们知道，…)
      '(?:(?:因为|因為|所以|而且)[，,]?)?(?:大家|你|我们|我們)(?:可能|应该|應該|也)?(?:都)?(?:知道|晓得|曉得)[，,]?',
      '(?:也)?就是(?:说|說)',
      '(?:换|換)句(?:话|話)(?:说|說)',
      '然后|然後',
      '(?:对|對|好|是|嗯|呃|欸|喔|哦|确实|確實|的确|的確)[，,]',
      '那(?:个|個)[，,]',
      '基本上',
      // what the speaker flags before saying it (比较重要的是，… 当然，… 实际上…): a frame, not yet the statement
      '(?:比较|比較|更|最|很)?重要的是[，,]',
      '当然|當然',
      '(?:实际上|實際上|事实上|事實上)[，,]?',
      '(?:老实|老實|坦白)(?:说|說|讲|講)',
      // what the speaker says of their own words or of themselves before the statement (说实在的，… 我个人，…)
      '(?:说|說|讲|講)(?:实在|實在|真的)(?:的|话|話)?[，,]?',
      '(?:(?:对|對)(?:于|於)?)?我(?:个人|個人)(?:来说|來說|而言)?[，,]',
      '(?:简单|簡單)(?:来|來)?(?:说|說|讲|講)',
      '(?:比如|譬如|例如)(?:说|說)',
      '(?:举|舉)(?:例|个例子|個例子)(?:来|來)?(?:说|說|讲|講)',
      '(?:举|舉)例(?:而言|来看|來看)|比方(?:说|說)',
    ].join('|') +
    ')',
);

export function discourseMarker(text: string): string | undefined {
  return MARKER.exec(text.trim())?.[0];
}

/**
 * The speaker describing their own talk: a part of it and what it is about (第一段的重点是…), what they
 * will talk about or show next (我今天要讲三件事, 接下来我要介绍…, 接下来我就举实际应用的案例), or thanks
 * for the speaker before (很谢谢某某刚才的说明). The talk's outline, not a finding. What follows 我要讲的是，
 * is a statement and stays.
 */
const TALK_STRUCTURE = new RegExp(
  [
    '^(?:[^，,。；;：:]{0,10}[，,：:])?第[一二三四五六七八九十0-9]{1,2}(?:段|部分|个部分|個部分|点|點|件事)的?(?:重点|重點|主题|主題|内容|內容)(?:是|就是|在于|在於)',
    '^(?:我|我们|我們)?(?:今天|这次|這次)?(?:分|分成|有)[一二三两兩几幾](?:段|个部分|個部分)(?:的)?(?:重点|重點|来讲|來講|来说|來說|说明|說明)?(?:[，,：:]|$)',
    '^(?:[^，,。；;]{0,16}[，,])?(?:我|我们|我們)?(?:今天|今日|这次|這次|此次|接下来|接下來|等一下|首先|最后|最後|再来|再來|下面|现在|現在)(?:我|我们|我們)?(?:要|想|会|會|就|来|來|先|再|将|將|主要|简单|簡單)*' +
      '(?:跟大家|向大家|和大家|给大家|給大家|为大家|為大家|跟各位|向各位)?(?:讲|講|谈|談|说明|說明|介绍|介紹|报告|報告|分享|聊|补充|補充|举|舉)(?!的是)',
    '(?:讲|講|谈|談|说|說|分享|介绍|介紹)(?:[一二三四五六七八九十两兩几幾])(?:件事|个部分|個部分|个重点|個重點|点|點|方面)',
    '^(?:很|非常)?(?:谢谢|謝謝|感谢|感謝)[^，,。；;]{1,12}(?:刚才|剛才|刚刚|剛剛)的(?:说明|說明|介绍|介紹|报告|報告|分享|发言|發言)',
  ].join('|'),
);

export function talkStructure(text: string): boolean {
  return TALK_STRUCTURE.test(text.trim());
}

/**
 * An ordinal as a speaker says it, opening the sentence (第一个，… 第二点就是… 第二是有关…的部分), or a
 * count fused with its first item (…的好处有三个：第一个是快速。): the answer to a question, read in
 * order after it; alone it says "the first" of nothing. A written 第一，… is an enumeration marker the
 * item drops (pick.ts stripMarker) and is not counted here.
 */
const SPOKEN_ORDINAL = new RegExp(
  [
    '^(?:第[一二三四五六七八九十]{1,2}|另外一|另一|最后一|最後一)(?:个|個|点|點|项|項|部分|件事|方面|种|種)',
    '^第[一二三四五六七八九十]{1,2}(?:就是|是|呢|则是|則是)',
    '[有是][一二三四五六七八九十两兩几幾](?:个|個|点|點|项|項|种|種)[：:，,]\\s*第一',
  ].join('|'),
);

export function spokenOrdinal(text: string): boolean {
  return SPOKEN_ORDINAL.test(text.trim());
}

/**
 * A story told in the first person: the speaker remembering (我记得…), an occasion (有一次…, 有一天…,
 * 其中有一个案子很有意思…), the speaker then (那时候我…, 我在刚加入…的时候), or someone the speaker heard
 * share something (我们也有听到像…的创业家分享). An anecdote, not a finding.
 */
const ANECDOTE = new RegExp(
  [
    '^(?:[^，,。；;]{0,10}[，,])?(?:我|我们|我們)(?:还|還|也|一直)?(?:记得|記得)',
    '^(?:有一次|有一回|有一天|有一年|有次)',
    '有一(?:个|個|次|回)[^，,。；;]{0,8}(?:很有意思|很有趣|很特别|很特別|很好玩)',
    '(?:那时候|那時候|那时|那時|当时|當時|当年|當年)[，,]?(?:我|我们|我們)',
    '我(?:在)?(?:刚|剛|刚刚|剛剛)[^，,。；;]{1,12}(?:的时候|的時候)',
    // how it went at the start (在刚开始有…制度的时候，某某说…; 当初…的时候): a story of the talk's past
    '^(?:在)?(?:刚开始|剛開始|一开始|一開始|当初|當初)[^，,。；;]{0,20}(?:的时候|的時候)[，,]',
    // what the speaker heard someone share (我们也有听到像某某的创业家分享)
    '(?:我|我们|我們)(?:也|还|還)?(?:有)?(?:听到|聽到|听过|聽過)[^。；;！!？?]{0,30}?(?:分享|演讲|演講)(?=[。；;！!]|$)',
  ].join('|'),
);

/**
 * A sentence that needs the turn before it: a demonstrative subject (这个部分…, 这样的…, 那些…), the
 * next step of what was asked (接下来我们确实会…), or what someone said earlier (刚刚某某有提到…,
 * 刚才俊秀有说). Read alone, it points at nothing.
 */
const REFERS_BACK = new RegExp(
  [
    '^(?:这个|這個|这样|這樣|这些|這些|这边|這邊|这部分|這部分|这一块|這一塊|这一点|這一點|那个|那個|那些|那边|那邊|那样|那樣|等于|等於)',
    '^(?:接下来|接下來|后来|後來)',
    // "then" opening a sentence of talk (那也变成是…, 那就是…): the consequence of what was just said
    '^那(?:也|就|又|还|還|则|則|其实|其實)',
    // what was said so far, summed up (以上是渔民的心声, 以上就是我的报告)
    '^以上(?:是|就是|为|為|所|这些|這些)',
    // a count of what the turn before named (只有两次，一次是…): how many of it, the it left unsaid
    '^(?:就)?(?:只有|仅有|僅有|只)[一二两兩三四五六七八九十几幾0-9]+(?:次|个|個|位|家|项|項|种|種|回)[，,]',
    // an answer without its subject: what can be done, the thing asked about left unsaid (可以用简讯的方式…)
    '^(?:可以|能够|能夠)(?:用|透过|透過|通过|通過|利用)',
    // (in the first two clauses: one pointing back later in the sentence cites what was said for a statement made first)
    '^(?:[^，,。；;]*[，,])?[^，,。；;]{0,8}?(?:刚刚|剛剛|刚才|剛才)[^，,。；;]{0,16}?(?:有)?(?:提到|讲到|講到|说到|說到|说|說|讲|講|报告|報告)',
    // the question pointed at by the one answering it (您提到的…, 你刚才问到的…): what was asked is in the question
    '^[^，,。；;]{0,6}?(?:您|你)(?:们|們)?(?:刚刚|剛剛|刚才|剛才)?(?:所)?(?:提到|讲到|講到|说到|說到|问到|問到|提的|问的|問的|说的|說的)',
    // an earlier turn's opinion taken up (延续刚才的意见，… 刚刚的说明): what it was is in that turn
    '(?:刚刚|剛剛|刚才|剛才)的(?:意见|意見|发言|發言|说法|說法|讨论|討論|说明|說明|问题|問題)',
    // what another speaker said, pointed at (如同县长所说的，… 就如某某所讲的): its content is in their turn
    '(?:如同|就如|正如|诚如|誠如)[^，,。；;]{1,12}?(?:所说|所說|所讲|所講|所提|说的|說的|讲的|講的|提到)',
  ].join('|'),
);

/**
 * A sentence of talk pointing at what the audience is shown: a map's or slide's marks (框线里面…, 红色的部分,
 * 图上这个…, 投影片上可以看到), or "this area" said with a finger on a map (在这一个范围内, 这个区域). The listener
 * sees what is meant; a reader of the brief does not.
 */
const POINTS_AT_SHOWN = new RegExp(
  [
    // (not 红线: a red line is also a policy's limit, 生态保护红线以内)
    '(?:框线|框線|框框|虚线|虛線|红框|紅框|(?:红|紅|蓝|藍|绿|綠|黄|黃)色)(?:里面|裡面|里头|裡頭|的部分|的范围|的範圍|这边|這邊|那边|那邊)',
    '(?:^|[，,])(?:在)?(?:这张|這張|这一张|這一張|这页|這頁|这一页|這一頁)?(?:图|圖|地图|地圖|投影片|简报|簡報|画面|畫面)(?:上|中|里|裡|上面|里面|裡面)(?:的|这|這|可以|我们|我們|看到)',
    '(?:这一个|這一個|这个|這個)(?:范围|範圍|区域|區域|区块|區塊)(?:内|內|里面|裡面|之内|之內|以内|以內)?',
  ].join('|'),
);

/**
 * A predicate that compares with or adds to what was said before (…的公布更是跨了一大步, 现在又变成…的工具, 内容也是放在
 * 附录里): 更是 (all the more), 又是/又变成 (again), 也是 (too), said of something the turn before spoke of. The comparand
 * is not in the sentence unless it says what it adds to (不仅…更是…, 既是…又是…, 比…, 除了…, 和…一样…也是, …是…，也是…):
 * then it stands alone. Not 更加 or 更多 (a plan's 更加…, more of something), which compare with nothing said.
 */
const LEANING_COMPARISON = /更是|又(?:是|变成|變成|成为|成為|成了)|也是/;
const COMPARAND =
  /不仅|不僅|不只|不但|不光|不单|不單|既|即是|一方面|除了|除此|之外|以外|比|相比|相较|相較|较之|較之|而且|并且|並且|一样|一樣|同样|同樣|同时|同時|看成|当作|當作|作为|作為/;

export function leaningComparison(text: string): string | undefined {
  const t = text.trim();
  const m = LEANING_COMPARISON.exec(t);
  if (!m || COMPARAND.test(t.slice(0, m.index))) return undefined;
  // …是…，也是…: what it is besides was said before it
  if (m[0] === '也是' && t.slice(0, m.index).includes('是')) return undefined;
  return m[0];
}

/** Why a sentence of talk cannot stand alone (a story, a pointer to the turn before or to what is shown), if it cannot. */
export function leansOnTalk(text: string): 'anecdote' | 'refers back' | 'points at what is shown' | undefined {
  const t = text.trim();
  if (ANECDOTE.test(t)) return 'anecdote';
  if (REFERS_BACK.test(t) || leaningComparison(t)) return 'refers back';
  if (POINTS_AT_SHOWN.test(t)) return 'points at what is shown';
  return undefined;
}

/**
 * A remark around what the speaker has to say, not a statement of it: what everyone already knows or
 * sees (…是大家比较常听到的, 众所周知, …有目共睹), the speaker saying what they are or are not (我们是一个创业公司，…,
 * …，我不是潜水业者。), a reaction closing the sentence (…，很奇怪。 …，我觉得很可惜。), thanks opening a turn
 * (首先感谢县长的协助，…) or a greeting quoted, good wishes (期待…，让我们一起关注…), a likeness drawn (就好像…一样), that one can see how something is rather than how it is (可以看到…是怎么样…), or a count
 * of what the next sentences will say (…存在两个明显的问题。).
 */
const REMARKS: [RegExp, string][] = [
  [/(?:是|为|為)(?:大家|各位|我们|我們)(?:比较|比較|最|都)?(?:常|经常|經常|常常|都)?(?:听到|聽到|听过|聽過|知道|熟悉|了解|瞭解)的[。！!]?$|众所周知|眾所周知|有目共睹/, 'commonplace'],
  [
    /(?:^|[，,；;])(?:我|我们|我們)(?:只|其实|其實|并|並|也|就|本身)?(?:不|并不|並不)?是(?:一个|一個|一家|一名|一位|个|個)[^，,。；;！!？?]{0,20}(?:[，,。；;！!？?]|$)|(?:^|[，,；;])我(?:并|並)?不是[^，,。；;]{1,12}[。！!]?$|(?:^|[，,；;])我(?:只|只不过|只不過)是[^，,。；;]{1,12}而已/,
    'self-description',
  ],
  [
    /[，,](?:这|這|那)?(?:我)?(?:觉得|覺得)?(?:真的|真是|实在|實在|很|真|太|非常|有点|有點)+(?:奇怪|可笑|可惜|遗憾|遺憾|荒谬|荒謬|离谱|離譜|讽刺|諷刺|无奈|無奈|感慨|难过|難過)(?:了|啊|吧|呢)?[。！!？?]$/,
    'reaction',
  ],
  // a feeling closing the sentence (…，让人家心寒就很失望。 …而感到骄傲。 这令人非常兴奋。): how someone feels about it, the
  // sentence's fact (if it has one) said on the way
  [
    /(?:很|非常|真的|十分|特别|特別|相当|相當|蛮|蠻|挺|好|太|真|就|感到|觉得|覺得|令人|让人|讓人)(?:很|非常|十分|更)?(?:失望|高兴|高興|感动|感動|开心|開心|欣慰|荣幸|榮幸|骄傲|驕傲|难过|難過|心寒|痛心|生气|生氣|兴奋|興奮|感激|沮丧|沮喪|失落|伤心|傷心|愤怒|憤怒)(?:了|啊|吧|呢|的)?[。！!]?$/,
    'feeling',
  ],
  // a likeness drawn to explain (就好像是在榕树下聊天一样): an illustration, not the thing itself
  [/(?:就)?(?:好像|好比|就像|如同)(?:是)?[^，,。；;！!？?]{1,24}(?:一样|一樣)/, 'analogy'],
  // what can be seen, not what it is (可以看到…是怎么样发现自己要负的责任。)
  [/(?:可以|能够|能夠|能)(?:看到|看见|看見|了解|瞭解|知道|发现|發現)[^。；;！!？?]{0,30}?(?:怎么样|怎麼樣|怎样|怎樣|怎么|怎麼|如何)/, 'how, not what'],
  [/^(?:首先|最后|最後|在此)?[，,]?(?:要)?(?:非常|很|特别|特別|由衷)?(?:地)?(?:感谢|感謝|谢谢|謝謝)/, 'thanks'],
  // good wishes closing the talk or the article (期待…更精彩的表现，让我们一起关注…)
  [/^(?:期待|期望|祝愿|祝福|预祝|預祝)[^。；;]*[，,](?:让我们|讓我們|大家)(?:一起|共同)?/, 'wish'],
  // a greeting quoted (「唐政委您好...」其实叫我…就好了): how the speaker is addressed, not what they say
  [/^[「“『"][^」”』"]{0,16}(?:您好|你好|大家好)/, 'greeting'],
  [
    /(?:有|存在|分为|分為|包括|归纳为|歸納為)[^，,。；;：:]{0,8}?[两兩二三四五六七八九十几幾](?:个|個|项|項|点|點|种|種|类|類)[^，,。；;：:]{0,10}?(?:问题|問題|原因|方面|阶段|階段|理由|特点|特點|好处|好處|挑战|挑戰|原则|原則|建议|建議|步骤|步驟|重点|重點)[。]$/,
    'announces what follows',
  ],
];

/**
 * An aside about the speaker closing a sentence that began on something else (…种源库，而且经过…的调查，我不是潜水业者。
 * …，我只是认识而已。): the statement broken off for a word about who is speaking; what the sentence set out to say is
 * left unsaid. Worse than a remark around the subject: the sentence itself is not whole. The aside, if there is one.
 */
export function closingAside(text: string): string | undefined {
  const t = text.trim();
  const m = /[，,；;]\s*(我(?:并|並)?不是[^，,。；;！!？?]{1,12}|我(?:只|只不过|只不過)是[^，,。；;！!？?]{1,12}而已)[。！!]?$/.exec(t);
  return m && m.index > 0 ? m[1] : undefined;
}

/** What a sentence of talk says around its subject (commonplace, self-description, reaction, thanks, a count announced), if it does. */
export function remark(text: string): string | undefined {
  const t = text.trim();
  for (const [re, why] of REMARKS) if (re.test(t)) return why;
  return undefined;
}

/**
 * The guest's biography in an interview: a stage of life (毕业后…, 到了大四，…, 在大学期间…, 小时候…),
 * a year and the person (2003 年，我…, 过去两年，我…), the person's role (作为…成员，我/他…), their first
 * contact with the subject (我接触到了…, 开始关注…), or the guest as the subject (毕业后，他成为…,
 * 作为…成员，致远为…). What they say about the subject is the interview's content; their life story is not.
 */
const LIFE = new RegExp(
  [
    '^(?:[^，,。；;]{0,6}?)(?:毕业|畢業)(?:后|後|之后|之後|以后|以後)',
    '^(?:到了|在|读|讀|上|进入|進入)?(?:大[一二三四]|大学|大學|高中|初中|中学|中學|研究生|研究所|小学|小學)(?:的时候|的時候|时|時|期间|期間|那年|以后|以後|后|後)?[，,]',
    '^(?:小时候|小時候|年轻时|年輕時|学生时代|學生時代)',
    '^(?:(?:19|20)[0-9]{2}\\s*年|过去[一二三两兩几幾0-9]+年|過去[一二三两兩几幾0-9]+年|这几年|這幾年|那几年|那幾年)[^，,。；;]{0,6}[，,]\\s*(?:我|他|她)',
    '^作为[^，,。；;]{1,30}[，,]\\s*(?:我|他|她)|^作為[^，,。；;]{1,30}[，,]\\s*(?:我|他|她)',
    '(?:我|他|她)(?:就|也|才)?(?:第一次)?(?:接触|接觸)(?:到)?了',
    '(?:后来|後來)(?:我|他|她)',
    '(?:我|他|她)(?:就|也)?开始(?:关注|參與|参与|接触)|(?:我|他|她)(?:就|也)?開始(?:關注|參與|接觸)',
  ].join('|'),
);

/** Whether a sentence of an interview tells the guest's own story rather than what they say about its subject. */
export function biography(text: string, guestNames: readonly string[] = []): boolean {
  const t = text.trim();
  if (LIFE.test(t)) return true;
  // the guest (by name, or 他/她) as the subject, at the start or after a short opening clause
  const subject = /^(?:[^，,。；;]{0,40}[，,]\s*)?(.{0,12})/.exec(t)?.[1] ?? '';
  return /^(?:他|她)(?!们|們)/.test(subject) || guestNames.some((n) => subject.startsWith(n));
}

/**
 * A restart: the speaker beginning a clause again with the words they began the one before with, a
 * few characters on (我们希望长期而言，我们希望在这一个地方…, 实际上大陆越界的，就如…所讲的，整个大陆越界的…):
 * the sentence was begun twice, and reads as talk transcribed rather than as a statement. Both
 * occurrences open their clause (after at most RESTART_LEAD characters); words repeated inside clauses
 * (还没有包含整个台湾，但是…就会开始包含整个台湾) are a contrast, not a restart. The repeated words (at least
 * RESTART_MIN characters of Chinese), if there are. A bounded scan: each clause start looks
 * RESTART_WINDOW characters on.
 */
export function restart(text: string): string | undefined {
  const ch = [...text.trim()];
  const han = (c: string) => /\p{Script=Han}/u.test(c);
  const clause = (c: string | undefined) => c !== undefined && /[，,；;：:]/.test(c);
  // where each clause starts
  const starts = [0];
  ch.forEach((c, i) => {
    if (clause(c)) starts.push(i + 1);
  });
  const opens = (i: number) => starts.some((s) => i >= s && i - s <= RESTART_LEAD);
  for (let i = 0; i + RESTART_MIN <= ch.length; i++) {
    if (!opens(i)) continue;
    let ok = true;
    for (let k = 0; k < RESTART_MIN && ok; k++) ok = han(ch[i + k]) && !clause(ch[i + k]);
    if (!ok) continue;
    const phrase = ch.slice(i, i + RESTART_MIN).join('');
    let mark = false;
    for (let j = i + RESTART_MIN; j + RESTART_MIN <= ch.length && j <= i + RESTART_MIN + RESTART_WINDOW; j++) {
      if (clause(ch[j - 1])) mark = true;
      if (mark && opens(j) && ch[j] === ch[i] && ch.slice(j, j + RESTART_MIN).join('') === phrase) return phrase;
    }
  }
  return undefined;
}

/** How many characters a restart repeats at least, how far into its clause it may start, and how far on the repetition may start. */
const RESTART_MIN = 4;
const RESTART_LEAD = 3;
const RESTART_WINDOW = 16;

/**
 * What a sentence of talk loses in a slot when it must be cut to fit `budget`, beyond what any cut
 * sentence loses (report.ts fillSorted): a spoken sentence runs on — a hedge, a restart, an aside after
 * its statement — so its cut is seldom at the end of what it says, and a summary or a point that stops
 * mid-way is worse than a plainer sentence said whole. Nothing in a written text.
 */
export function spokenCutPenalty(doc: SourceDoc, text: string, budget: number): { v: number; why: string[] } {
  if (!genreOfDoc(doc) || [...text].length <= budget) return { v: 0, why: [] };
  return { v: -SPOKEN_WEIGHTS.cut, why: [`spoken: cut to fit −${SPOKEN_WEIGHTS.cut.toFixed(2)}`] };
}

/**
 * The guest stating a view in an interview: what they hold (在我看来, 我认为, 我相信, 我发现, 我觉得… said
 * as a claim, not as the hedge 我觉得，), what matters or what something rests on (…很重要, …的前提是, …在于,
 * 离不开…, 关键是), or what need not be (不用…, 不必…); not 应该 or 需要, which a speaker also says of what is
 * likely or of what a task took. An interview is read for the guest's views; their
 * life story (biography) and the talk around them are not its content.
 */
const VIEW =
  /在我看来|在我看來|我(?:认为|認為|相信|发现|發現)|我(?:觉得|覺得)(?![，,])|(?:很|非常|最|更)重要|(?:的)?前提是|关键(?:是|在于)|關鍵(?:是|在於)|(?<!不)在于|(?<!不)在於|离不开|離不開|不是[^，,。；;]{1,20}[，,]?而是|(?:其实|其實)?(?:我们|我們)?不用|不必/;

export function viewCue(text: string): string | undefined {
  return VIEW.exec(text.trim())?.[0];
}

/** Fewer Han characters than this make a one-sentence turn a reply (shortTurn). */
const SHORT_TURN = 16;

/**
 * A speaker's whole turn that is one short sentence without a figure (跨学制是第三群组统整。 还是有那个方向。): a reply
 * to the turn before, in the meeting's shorthand; what it is about was said by the others. `blocks[i]` is the
 * turn's paragraph; the paragraphs around it are another speaker's (or no turn).
 */
export function shortTurn(blocks: readonly Block[], i: number): boolean {
  const b = blocks[i];
  if (b?.type !== 'paragraph' || b.segments.length !== 1) return false;
  const seg = b.segments[0];
  const who = seg.speaker?.name;
  if (!who) return false;
  const han = seg.text.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han >= SHORT_TURN || /[0-9０-９]/.test(seg.text)) return false;
  const same = (k: number) => {
    const n = blocks[k];
    return n?.type === 'paragraph' && n.segments.some((x) => x.speaker?.name === who);
  };
  return !same(i - 1) && !same(i + 1);
}

export interface Prior {
  v: number;
  why: string[];
}

/** What spoken-text marks cost a sentence (points off its score). */
export const SPOKEN_WEIGHTS = {
  marker: 0.25,
  // an ordinal with nothing before it is meaningless alone, however central its words: only as a last resort
  ordinal: 0.5,
  /** A story, or a sentence that needs the turn before it. */
  leans: 0.25,
  /** A remark around the subject: what everyone knows, who the speaker is, a reaction, thanks, a count announced. */
  remark: 0.25,
  /** In an interview, the guest's own story. */
  biography: 0.4,
  /** An aside about the speaker closing the sentence, beyond the remark it also is: the statement is broken off (closingAside). */
  aside: 0.25,
  /** A sentence begun twice (restart). */
  restart: 0.25,
  /** A sentence of talk too long for its slot, cut (spokenCutPenalty). */
  cut: 0.2,
  /** In an interview of one or two guests, the guest stating a view (viewCue): points added. */
  view: 0.15,
};

/** The prior of a sentence of a spoken text: negative for each mark of talk it opens with (nothing elsewhere). */
export function spokenPrior(doc: SourceDoc, text: string): Prior {
  const out: Prior = { v: 0, why: [] };
  const genre = genreOfDoc(doc);
  if (!genre) return out;
  const add = (x: number, why: string) => {
    out.v -= x;
    out.why.push(`${why} −${x.toFixed(2)}`);
  };
  // (after an ordinal the item drops, 第二，其实…: the marker still opens what is shown)
  const m = discourseMarker(text) ?? discourseMarker(text.trim().replace(/^第[一二三四五六七八九十]{1,2}[，,、]\s*/, ''));
  if (m) add(SPOKEN_WEIGHTS.marker, `spoken: discourse marker ${m.replace(/[，,]$/, '')}`);
  if (spokenOrdinal(text)) add(SPOKEN_WEIGHTS.ordinal, 'spoken: ordinal of an answer');
  const l = leansOnTalk(text);
  if (l) add(SPOKEN_WEIGHTS.leans, `spoken: ${l}`);
  const r = remark(text);
  if (r) add(SPOKEN_WEIGHTS.remark, `spoken: ${r}`);
  const aside = closingAside(text);
  if (aside) add(SPOKEN_WEIGHTS.aside, `spoken: closes on an aside (${aside})`);
  const again = restart(text);
  if (again) add(SPOKEN_WEIGHTS.restart, `spoken: restart ${again}`);
  if (genre === 'interview' && biography(text, guestsOf(doc))) add(SPOKEN_WEIGHTS.biography, 'spoken: the guest’s own story');
  // an interview of one or two guests is read for their views (a press conference's officials announce)
  const view = genre === 'interview' && guestsOf(doc).length <= 2 ? viewCue(text) : undefined;
  if (view) {
    out.v += SPOKEN_WEIGHTS.view;
    out.why.push(`spoken: a view (${view}) +${SPOKEN_WEIGHTS.view.toFixed(2)}`);
  }
  return out;
}
