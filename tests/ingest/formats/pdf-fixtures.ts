// PDFs made at test time with pdfmake and the project's CJK font (Noto Sans SC), laid out as reports
// are: a cover with a large title, a contents page with dot leaders, a running head, page numbers in
// the footer, headings in larger type, a footnote in small type with a superscript marker, a figure
// caption, and a page in two columns.
import { createRequire } from 'node:module';
import pdfmakeModule from 'pdfmake';

const require = createRequire(import.meta.url);

interface Pdfmake {
  virtualfs: { existsSync(n: string): boolean; writeFileSync(n: string, b: Buffer): void };
  setFonts(f: Record<string, unknown>): void;
  setUrlAccessPolicy(f: () => boolean): void;
  setLocalAccessPolicy(f: () => boolean): void;
  createPdf(def: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

function pdfmake(): Pdfmake {
  const pm = pdfmakeModule as Pdfmake;
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(() => false);
  const fonts = {
    normal: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  };
  for (const [w, file] of Object.entries(fonts)) {
    const name = `pdf-fixtures/sc-${w}.ttf`;
    if (!pm.virtualfs.existsSync(name)) {
      const { readFileSync } = require('node:fs') as typeof import('node:fs');
      pm.virtualfs.writeFileSync(name, readFileSync(require.resolve(file)));
    }
  }
  pm.setFonts({ SC: { normal: 'pdf-fixtures/sc-normal.ttf', bold: 'pdf-fixtures/sc-bold.ttf', italics: 'pdf-fixtures/sc-normal.ttf', bolditalics: 'pdf-fixtures/sc-bold.ttf' } });
  return pm;
}

export async function makePdf(def: Record<string, unknown>): Promise<Buffer> {
  return pdfmake().createPdf({ defaultStyle: { font: 'SC', fontSize: 11, lineHeight: 1.5 }, pageSize: 'A4', pageMargins: [60, 70, 60, 70], ...def }).getBuffer();
}

/** Running head on every page but the cover, page number centred in the footer. */
const furniture = {
  header: (page: number) => (page > 1 ? { text: '区域发展研究院　政策研究报告', fontSize: 8, color: '#666666', alignment: 'right', margin: [60, 30, 60, 0] } : null),
  footer: (page: number) => ({ text: String(page), fontSize: 9, alignment: 'center', margin: [0, 30, 0, 0] }),
};

export const PARA_A =
  '近年来，我国数字经济规模持续扩大，数字基础设施建设取得显著成效，数据要素市场加快培育，数字技术与实体经济深度融合，为经济社会高质量发展注入了新动能。各地区因地制宜推进数字化转型，形成了一批可复制、可推广的经验做法。';
export const PARA_B =
  '与此同时，区域之间数字发展水平仍不平衡，中西部地区在算力设施、数字人才和产业生态方面与东部地区存在明显差距，农村地区数字服务的可及性有待提高，数据安全和个人信息保护面临新的挑战。';
export const PARA_C =
  '为此，建议从三个方面着力：一是统筹布局算力网络，引导东部算力需求有序向西部转移；二是加强数字技能培训，提升中小企业数字化能力；三是完善数据基础制度，促进数据依法有序流动，推动形成统一开放、竞争有序的数据要素市场。';
export const PARA_D =
  '从国际比较看，主要经济体纷纷出台数字经济战略，围绕关键技术、数据规则和数字贸易展开竞争。我国应在积极参与全球数字治理的同时，立足自身发展需要，稳步扩大数字领域制度型开放，提升在国际规则制定中的话语权和影响力，为数字经济健康发展营造良好的外部环境。';
export const NOTE = '国家互联网信息办公室：《数字中国发展报告（2023年）》，2024年5月。';

/** A report: cover, contents, two pages of body (a paragraph crossing the page break). */
export async function reportPdf(): Promise<Buffer> {
  return makePdf({
    ...furniture,
    content: [
      { text: '区域发展研究院', fontSize: 12, alignment: 'center', margin: [0, 80, 0, 40] },
      { text: '数字经济区域协调发展研究', fontSize: 26, bold: true, alignment: 'center', margin: [0, 0, 0, 20] },
      { text: '课题组', fontSize: 12, alignment: 'center' },
      { text: '2024年6月', fontSize: 12, alignment: 'center', margin: [0, 200, 0, 0], pageBreak: 'after' },
      { text: '目　录', fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 20] },
      ...[
        ['摘要', '3'],
        ['一、发展现状', '3'],
        ['（一）总体规模', '3'],
        ['二、主要问题', '4'],
        ['三、政策建议', '4'],
        ['图1 数字经济规模', '3'],
      ].map(([t, p]) => ({ columns: [{ text: `${t} ${'.'.repeat(60)}`, width: '*' }, { text: p, width: 20, alignment: 'right' }], pageBreak: undefined })),
      { text: '', pageBreak: 'after' },
      { text: '一、发展现状', fontSize: 16, bold: true, margin: [0, 0, 0, 10] },
      { text: '（一）总体规模', fontSize: 13, bold: true, margin: [0, 0, 0, 6] },
      { text: [PARA_A.split('新动能。')[0] + '新动能', { text: '1', sup: true }, '。' + PARA_A.split('新动能。')[1]], leadingIndent: 22 },
      { canvas: [{ type: 'rect', x: 100, y: 10, w: 275, h: 120, lineColor: '#333333' }], margin: [0, 0, 0, 6] },
      { text: '图1 数字经济规模（2019—2024年）', fontSize: 9, alignment: 'center', margin: [0, 0, 0, 10] },
      { text: [PARA_B], leadingIndent: 22 },
      { text: [PARA_D, PARA_D.replace('从国际比较看，', '另一方面，')], leadingIndent: 22, margin: [0, 0, 0, 0] },
      { text: [{ text: '1', sup: true }, ' ', NOTE], fontSize: 8, absolutePosition: { x: 60, y: 745 } },
      { text: '二、主要问题', fontSize: 16, bold: true, margin: [0, 10, 0, 10] },
      { text: [PARA_B], leadingIndent: 22 },
      { text: '三、政策建议', fontSize: 16, bold: true, margin: [0, 10, 0, 10] },
      { text: [PARA_C], leadingIndent: 22 },
    ],
  });
}

export const LEFT_1 = '左栏第一段：东部地区数字经济占比较高，产业链条完整，创新资源集聚，算力需求旺盛，但能源和土地成本较高，数据中心建设受到一定约束。';
export const LEFT_2 = '左栏第二段：东部地区应发挥创新引领作用，加快关键核心技术攻关，推动数字产业向高端化发展。';
export const RIGHT_1 = '右栏第一段：西部地区可再生能源丰富，气候条件适宜，具备承接算力设施的比较优势，但数字人才相对不足。';
export const RIGHT_2 = '右栏第二段：西部地区应抓住“东数西算”机遇，完善网络基础设施，培育本地数字产业生态。';

/** One page: a title across the page, then two columns. */
export async function twoColumnPdf(): Promise<Buffer> {
  return makePdf({
    ...furniture,
    content: [
      { text: '东西部算力协同的路径', fontSize: 22, bold: true, alignment: 'center', margin: [0, 0, 0, 20] },
      {
        columnGap: 24,
        columns: [
          { stack: [{ text: [LEFT_1], leadingIndent: 22, margin: [0, 0, 0, 8] }, { text: [LEFT_2], leadingIndent: 22 }] },
          { stack: [{ text: [RIGHT_1], leadingIndent: 22, margin: [0, 0, 0, 8] }, { text: [RIGHT_2], leadingIndent: 22 }] },
        ],
      },
    ],
  });
}

/** A long report: `pages` pages of headings, paragraphs and footnotes (for the speed measurement). */
export async function longReportPdf(pages: number): Promise<Buffer> {
  const content: unknown[] = [{ text: '数字经济区域协调发展研究', fontSize: 24, bold: true, alignment: 'center', margin: [0, 0, 0, 30] }];
  const numerals = '一二三四五六七八九十';
  for (let p = 0; p < pages; p++) {
    content.push({ text: `${numerals[p % 10]}、第${p + 1}部分`, fontSize: 16, bold: true, margin: [0, 10, 0, 10] });
    for (const para of [PARA_A, PARA_B, PARA_C, PARA_D]) content.push({ text: [para], leadingIndent: 22, margin: [0, 0, 0, 4] });
    content.push({ text: '', pageBreak: p < pages - 1 ? 'after' : undefined });
  }
  return makePdf({ ...furniture, content });
}

/**
 * One A4 page of strings drawn where given (x, baseline y from the top, size 12), each string one
 * text run as the PDF shows it — for layouts pdfmake does not make, such as glyphs drawn twice.
 */
export async function drawnPdf(runs: [string, number, number][]): Promise<Buffer> {
  // pdfkit (under pdfmake) ships no declarations: the few calls used here
  interface Doc {
    registerFont(name: string, file: string): void;
    font(name: string): { fontSize(n: number): void };
    text(s: string, x: number, y: number, o: object): void;
    on(e: string, f: (c: Buffer) => void): void;
    end(): void;
  }
  const pdfkit = 'pdfkit';
  const { default: PDFDocument } = (await import(pdfkit)) as { default: new (o: object) => Doc };
  const doc = new PDFDocument({ size: 'A4', margin: 0, compress: false, info: { CreationDate: new Date(0) } });
  doc.registerFont('SC', require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
  doc.font('SC').fontSize(12);
  for (const [s, x, y] of runs) doc.text(s, x, y, { lineBreak: false, baseline: 'alphabetic' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.end();
  return done;
}
