// Project overrides for zh-Hans → zh-Hant: phrase pairs that beat OpenCC's own dictionaries.
// Longest match wins; glossary terms (passed to createHantConverter) beat these.
//
// Why these exist — the choice of OpenCC config:
//   OpenCC offers s2tw (characters + Taiwan variant characters) and s2twp (s2tw + Taiwan *phrases*).
//   s2twp's phrase table (TWPhrases) is software vocabulary, and much of it is wrong in policy texts:
//     进程→程序 (和平进程 "peace process" became 和平程序), 程序→程式 (法律程序 → 法律程式),
//     文件→檔案 (政策文件 → 政策檔案), 项目→專案 (比赛项目), 对象→物件 (合作对象 → 合作物件),
//     发布→釋出 (发布报告), 支持→支援 (political support is 支持 in Taiwan too), 运行→執行,
//     窗口→視窗 (窗口期), 全局→全域性 (全局性), 交互→互動, 参数→引數, 激活→啟用, 打印→列印.
//   So the base is s2tw (no phrase vocabulary), plus the short list below of Taiwan phrase usages
//   that are right in policy writing as well (信息→資訊, 网络→網路, 软件→軟體 …). Hong Kong (s2hk)
//   keeps Hong Kong usage (信息, 網絡), so it only takes the shared list.
//   Each entry must be safe in any context where its zh-Hans form occurs as a substring; prefer
//   longer phrases when a short one is ambiguous.

export type OverridePair = readonly [hans: string, hant: string];

/** For every variant. */
export const COMMON_OVERRIDES: readonly OverridePair[] = [
  // process (of history, of peace, of integration), never a computer process
  ['和平进程', '和平進程'],
  ['进程', '進程'],
];

/** Taiwan usage (variant 'tw'). */
export const TW_OVERRIDES: readonly OverridePair[] = [
  ['信息', '資訊'],
  ['网络', '網路'],
  ['互联网', '網際網路'],
  ['软件', '軟體'],
  ['硬件', '硬體'],
  ['人工智能', '人工智慧'],
  ['芯片', '晶片'],
  ['集成电路', '積體電路'],
  ['出租车', '計程車'],
  ['短信', '簡訊'],
  ['数据库', '資料庫'],
  ['服务器', '伺服器'],
];

/** Hong Kong usage (variant 'hk'). */
export const HK_OVERRIDES: readonly OverridePair[] = [];
