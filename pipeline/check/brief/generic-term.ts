import type { Diagnostic } from '../../diagnostics.js';
import { briefDiagnostic, type BriefRule } from './types.js';
import { firstPlace } from './term-places.js';

/**
 * Names every reader knows, which a key-terms table wastes a row on: countries and blocs in the
 * news every day and their leaders.
 */
export const GENERIC_TERMS: ReadonlySet<string> = new Set(
  (
    '中国 中华人民共和国 我国 美国 美利坚合众国 俄罗斯 俄罗斯联邦 日本 英国 法国 德国 印度 韩国 朝鲜 加拿大 澳大利亚 巴西 ' +
    '意大利 西班牙 墨西哥 印度尼西亚 土耳其 沙特阿拉伯 伊朗 以色列 埃及 南非 乌克兰 欧洲 亚洲 非洲 美洲 中美 中俄 中欧 ' +
    '习近平 李强 李克强 拜登 特朗普 普京 泽连斯基 马克龙 朔尔茨 默克尔 莫迪 岸田文雄 石破茂 尹锡悦 李在明 金正恩'
  ).split(/\s+/),
);

/** No generic entry (a country, a leader) in the key-terms table. */
export const genericTerm: BriefRule = {
  id: 'brief:generic-term',
  description: 'no generic entry (country or leader names such as 中国, 美国, 习近平) in the key-terms table',
  severity: 'warning',
  check(brief, doc, ctx) {
    const out: Diagnostic[] = [];
    for (const t of brief.terms)
      if (GENERIC_TERMS.has(t.text.trim()))
        out.push(
          briefDiagnostic(this, ctx, firstPlace(doc, t.text), `“${t.text}” is too generic for the key-terms table`, {
            actual: t.text,
            data: { termId: t.termId },
          }),
        );
    return out;
  },
};
