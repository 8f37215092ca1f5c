// Words that recur in a document without being one of its concepts, which the key-terms box would waste
// a row on (a reader needs no explaining of them): the whole of something common (全世界, 全社会, 整个
// 过程 — a totality word and a word a third of all documents use: data/common-words.ts), and the words of
// the speaking situation itself (主持, 主持人, 发言, 提问, 记者, 来宾 — a talk's or a press conference's
// frame, what every transcript repeats, not what it is about). Used by terms.ts for the concepts the
// glossary lacks, which gives it its common-word test (terms.ts isCommonWord).

/** A totality or quantity word opening the term: 全, 整个, 所有, 各, 每, 一切, 一 (一开始). */
const TOTALITY = /^(?:全|整个|整個|所有|各|每|一切|一)(?=\p{Script=Han})/u;

/** A common word under a totality or quantity word (全世界, 全社会, 一开始): as general as the word. */
export function generalUnderTotality(text: string, isCommonWord: (word: string) => boolean): boolean {
  const m = TOTALITY.exec(text.trim());
  return m !== null && isCommonWord(text.trim().slice(m[0].length));
}

/** The speaking situation: who runs it, who speaks or asks, and what they do there (zh-Hans and zh-Hant). */
const SPEAKING_SITUATION = new Set(
  (
    '主持 主持人 司仪 司儀 发言 發言 发言人 發言人 讲者 講者 与谈人 與談人 提问 提問 问答 問答 答问 答問 记者 記者 ' +
    '来宾 來賓 嘉宾 嘉賓 听众 聽眾 观众 觀眾 现场 現場 演讲 演講 致词 致詞 座谈 座談 逐字稿'
  ).split(/\s+/),
);

/** Whether a candidate key concept is a generic word (see the header), never a key term. */
export function genericConcept(text: string, isCommonWord: (word: string) => boolean): boolean {
  const t = text.trim();
  return SPEAKING_SITUATION.has(t) || generalUnderTotality(t, isCommonWord);
}
