// Names every reader knows (countries, blocs, their leaders): never a key term, whatever the glossary
// says (an entry can also be marked `generic: true`). Used by selection (select/terms.ts) and by the
// brief check that guards it (check/brief/generic-term.ts).

/**
 * Names every reader knows, which a key-terms table wastes a row on: countries and blocs in the
 * news every day and their leaders.
 */
export const GENERIC_TERMS: ReadonlySet<string> = new Set(
  (
    '中国 中华人民共和国 我国 美国 美利坚合众国 俄罗斯 俄罗斯联邦 日本 英国 法国 德国 印度 韩国 朝鲜 加拿大 澳大利亚 巴西 ' +
    '意大利 西班牙 墨西哥 印度尼西亚 土耳其 沙特阿拉伯 伊朗 以色列 埃及 南非 乌克兰 欧洲 亚洲 非洲 美洲 中美 中俄 中欧 ' +
    // the union and the world body every text mentions in passing (their organs, 欧盟委员会 or 联合国安理会, stay)
    '欧盟 联合国 ' +
    '习近平 李强 李克强 拜登 特朗普 普京 泽连斯基 马克龙 朔尔茨 默克尔 莫迪 岸田文雄 石破茂 尹锡悦 李在明 金正恩'
  ).split(/\s+/),
);
