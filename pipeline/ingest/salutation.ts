// A speech's address to its audience (各位代表：, 女士们、先生们：, 尊敬的…，大家好): never a title, never
// content. Shared by the report parser (a cover line that is a salutation means the text has no title
// of its own) and the brief checks (check/brief/salutation.ts).

const ADDRESSEES = /各位|尊敬的|亲爱的|女士|先生|同志|朋友|来宾|嘉宾|代表|同学|老师|阁下|大家|同胞/;

/** “各位代表：”, “女士们、先生们、朋友们：”, “尊敬的…：”, “…全体国人同胞，大家好”. */
export function isSalutation(text: string): boolean {
  const t = text.trim();
  if (/^(?:尊敬的|各位|亲爱的)[^。！？!?]{0,40}[：:，,！!]$/.test(t)) return true;
  // an address closed by a greeting: “…现场的好朋友，全体国人同胞，大家好”
  if ([...t].length <= 80 && /[，,、]\s*(?:大家|各位)(?:好|早上好|下午好|晚上好)[！!。]?$/.test(t) && ADDRESSEES.test(t.replace(/(?:大家|各位)\S{0,3}$/, ''))) return true;
  // a short line ending in a colon that only names the audience
  return [...t].length <= 30 && /[：:]$/.test(t) && ADDRESSEES.test(t) && !/[。；;]/.test(t);
}
