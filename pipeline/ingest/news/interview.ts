// Interviews (专访, 对话): questions and answers as labelled paragraphs. A question opens with the
// interviewer's label ("记者：", "问：", "<outlet>：", "主持人："), an answer with the interviewee's name or
// "答：". The questions are context, not what the interviewee says; the answers are the interviewee's
// words, paragraph after paragraph until the next question.

export interface QaLabel {
  kind: 'question' | 'answer';
  /** Characters of the label (with its colon and the spaces after it). */
  length: number;
  /** The name an answer is labelled with; none for "答：". */
  name?: string;
}

const HAN = '\\u4e00-\\u9fff';
const QUESTION = `(?:[^，。：:！？\\s]{0,16}?记者|问|提问|主持人|Q)`;
const NAME = `(?:[${HAN}]{1,10}(?:[·•‧・][${HAN}]{1,10})+|[${HAN}]{2,4})`;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How to read the paragraphs of an article as questions and answers, or undefined when it is not an
 * interview: at least two questions and two answers. `known` is text that names the interviewee (the
 * headline, the lead): an answer label must be a name found there, or used for two answers or more.
 */
export function interviewReader(paragraphs: string[], known: string, outlet?: string): ((text: string) => QaLabel | undefined) | undefined {
  const question = new RegExp(`^(?:${QUESTION}${outlet ? `|${escape(outlet)}` : ''})\\s*[：:]\\s*`);
  const answer = /^(?:答|A)\s*[：:]\s*/;
  const named = new RegExp(`^(${NAME})\\s*[：:]\\s*(?=\\S)`);
  const labels = new Map<string, number>();
  for (const p of paragraphs) {
    const m = question.test(p) ? undefined : named.exec(p);
    if (m) labels.set(m[1], (labels.get(m[1]) ?? 0) + 1);
  }
  const isName = (n: string) => known.includes(n) || (labels.get(n) ?? 0) >= 2;
  const read = (text: string): QaLabel | undefined => {
    let m = question.exec(text);
    if (m) return { kind: 'question', length: m[0].length };
    m = answer.exec(text);
    if (m) return { kind: 'answer', length: m[0].length };
    m = named.exec(text);
    if (m && isName(m[1])) return { kind: 'answer', length: m[0].length, name: m[1] };
    return undefined;
  };
  let questions = 0;
  let answers = 0;
  for (const p of paragraphs) {
    const l = read(p);
    if (l?.kind === 'question') questions++;
    else if (l?.kind === 'answer') answers++;
  }
  return questions >= 2 && answers >= 2 ? read : undefined;
}
