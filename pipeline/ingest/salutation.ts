// A speaker's address to the audience — never a title, never content. The one definition, shared by the
// report parser (a cover line that is a salutation means the text has no title of its own), selection
// (select/exclude.ts: never an item) and the brief checks (check/brief/salutation.ts):
//   address    a line that is nothing but terms of address, each ending in a word for those addressed,
//              then a colon, an exclamation mark or a comma (各位代表：, 各位代表！, 同志们、朋友们：,
//              尊敬的各位来宾：, 女士们，先生们：). A lead-in ("…由下列人员组成：", "有几个数据跟各位报告：")
//              ends in a verb or a noun of its own and is not one.
//   greeting   a sentence that opens by greeting or thanking the room (各位媒体朋友大家早安，…; 谢谢大家，…),
//              or an address closed by a greeting (…现场的好朋友，全体国人同胞，大家好), or gladness at
//              meeting it and nothing more (很高兴又一次和大家见面。).

/** Words for those addressed, which end each term of address. */
const ADDRESSED = '(?:们|代表|委员|来宾|嘉宾|朋友|女士|先生|同志|同学|同仁|老师|领导|各位|诸位|同胞|大家)';
const ADDRESS = new RegExp(`^(?:(?:尊敬的|亲爱的)?[^，,、；;。：:！!？?]{0,8}?${ADDRESSED}[，,、\\s]*){1,4}[：:！!，,]$`);
const GREETING = /^(?:[^，,。！!？?]{0,14}?(?:大家|各位|诸位)[^，,。！!？?]{0,4}?(?:好|早|早安|早上好|上午好|下午好|晚上好)|(?:谢谢|感谢|多谢)(?:大家|各位|诸位))[，,！!。\s]/;
/** An address closed by a greeting, at most a line long: “…现场的好朋友，全体国人同胞，大家好”. */
const CLOSED_BY_GREETING = new RegExp(`^[^。！？!?]{0,72}${ADDRESSED}[，,、]\\s*(?:大家|各位)(?:好|早上好|下午好|晚上好)[！!。]?$`);

/** Gladness at meeting the room, and nothing else (很高兴又一次和大家见面。 很荣幸今天能与各位见面！). */
const GLAD_TO_MEET = /^(?:很|非常|十分|特别)?(?:高兴|荣幸)(?:又一次|再一次|再次|今天)?(?:能够?)?(?:在这里)?(?:和|与|同|跟)(?:大家|各位|诸位)[^，,。！!？?]{0,6}?见面[。！!]?$/;

/** A salutation: an address line, or a greeting to the room (see above). */
export function isSalutation(text: string): boolean {
  const t = text.trim();
  return ADDRESS.test(t) || GREETING.test(t) || CLOSED_BY_GREETING.test(t) || GLAD_TO_MEET.test(t);
}
