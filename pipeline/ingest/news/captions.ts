// Image captions: the short paragraph right after an image that describes it — it ends with a credit
// ("澎湃影像 图", "新华社记者 X 摄", "视觉中国"), starts with 图： / 图为 / ▲, or is set in italics.

const CREDIT_END =
  /(?:\s图|[^\u4e00-\u9fff]图|[\u4e00-\u9fff]{2,12}\s*图|摄|摄影|供图|配图|资料图|截图|视觉中国|图虫创意|IC\s*photo|Getty\s*Images|新华社发|(?:图片|图源)\s*[来源：:]+[^。]{1,30})\s*[）)]?\s*$/i;
const CAPTION_START = /^(?:图\s*[0-9一二三四五六七八九十]*\s*[：:为|｜]|图片[：:]|上图|下图|左图|右图|▲|△|【图】)/;

export function isCaption(text: string, italic: boolean): boolean {
  const t = text.trim();
  if (!t || t.length > 160) return false;
  if (italic) return true;
  return CREDIT_END.test(t) || CAPTION_START.test(t);
}
