// Image captions: the short paragraph right after an image that describes it — it ends with a credit
// ("澎湃影像 图", "新华社记者 X 摄", "视觉中国"), starts with 图： / 图为 / ▲, or is set in italics.

const CREDIT_END =
  /(?:\s图|[^\u4e00-\u9fff]图|[\u4e00-\u9fff]{2,12}\s*图|摄|摄影|供图|配图|资料图|截图|视觉中国|图虫创意|IC\s*photo|Getty\s*Images|新华社发|(?:图片|图源)\s*[来源：:]+[^。]{1,30})\s*[）)]?\s*$/i;
/**
 * A credit in brackets at the end, as Taiwanese and overseas pages print it: （图／行政院提供）, （中央社记者王小明摄
 * 113年3月7日）, （图片来源：X）, （翻摄X脸书）, （资料照）: who took or gave the picture, nothing a sentence says.
 */
const BRACKETED_CREDIT =
  /[（(]\s*(?:(?:图|图片|照片|相片|影像|摄影)\s*[／/:：|｜]\s*[^（）()]{1,30}|(?:图片|照片|图)(?:来源|来自|取自)\s*[:：]?\s*[^（）()]{1,30}|[^（）()]{0,30}?(?:提供|摄|翻摄|截图|截取)(?:自[^（）()]{1,20})?(?:\s*[0-9]{2,4}\s*[年/.]\s*[0-9]{1,2}\s*[月/.]\s*[0-9]{1,2}\s*日?)?|资料照片?|档案照片?|示意图|翻摄[^（）()]{1,30})\s*[）)]\s*$/;
const CAPTION_START = /^(?:图\s*[0-9一二三四五六七八九十]*\s*[：:为|｜]|图片[：:]|上图|下图|左图|右图|▲|△|【图】)/;

export function isCaption(text: string, italic: boolean): boolean {
  const t = text.trim();
  if (!t || t.length > 160) return false;
  if (italic) return true;
  return CREDIT_END.test(t) || BRACKETED_CREDIT.test(t) || CAPTION_START.test(t);
}

/**
 * A caption whose picture the page (or the scraper) lost: a short paragraph that ends with a bracketed credit
 * (…今天主持院会。（图／行政院提供）). Such a credit closes nothing but a caption.
 */
export function creditedCaption(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 160 && BRACKETED_CREDIT.test(t);
}
