// Saved pages as sites really build them: content wrapped in a <form> (old CMSs) or in blocks whose
// class says `has-sidebar` (documentation sites), Vue's comment markers, and titles that carry the
// site's name. The content is kept, the title is the document's own.
import { describe, it, expect } from 'vitest';
import { htmlToMarkdown } from '../../../pipeline/ingest/formats/html.js';
import { stripSiteName } from '../../../pipeline/ingest/formats/title.js';

const PARAS = [
  '第一条　为了加强数据安全管理，保障数据依法有序自由流动，促进数据开发利用，制定本办法。',
  '第二条　本办法适用于在本市行政区域内开展的数据处理活动及其安全监管。',
  '第三条　数据处理者应当建立健全全流程数据安全管理制度，组织开展数据安全教育培训。',
  '第四条　有关主管部门应当加强对数据安全工作的指导和监督检查，依法处理违法行为。',
];

const nav = '<table><tr><td class="dhfont"><a href="/">首页</a></td><td class="dhfont"><a href="/a">机构概况</a></td><td class="dhfont"><a href="/b">工作动态</a></td></tr></table>';

describe('a page’s content is kept whatever wraps it', () => {
  it('content inside a <form> that wraps most of the page', () => {
    const html = `<html><head><title>数据安全管理办法-法规</title></head><body>${nav}<form name="content">
      <p style="text-align:center"><strong>数据安全管理办法</strong></p>${PARAS.map((p) => `<p>${p}</p>`).join('\n')}</form>
      <div>主办单位：某某机关　版权所有</div></body></html>`;
    const r = htmlToMarkdown(html);
    for (const p of PARAS) expect(r.markdown).toContain(p);
    // the title without the column's name; the bold line that repeats it is the headline, not a paragraph
    expect(r.markdown).toMatch(/^title: 数据安全管理办法$/m);
    expect(r.markdown).toMatch(/^# 数据安全管理办法$/m);
    expect(r.markdown).not.toContain('**数据安全管理办法**');
    // a small form (a search box) is still furniture
    const small = htmlToMarkdown(`<html><body><form><label>搜索本站</label></form><article>${PARAS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
    expect(small.markdown).not.toContain('搜索本站');
  });

  it('a documentation page: the content’s wrappers are named `has-sidebar`, Vue leaves comment markers', () => {
    const html = `<html><head><title>问卷篇 | 2023 年度开源报告</title><meta name="description" content="2023 年度开源报告"></head><body>
      <div class="Layout"><!--[--><header class="VPNav"><a href="#main">Skip to content</a></header>
      <aside class="VPSidebar"><nav><a href="/a">数据篇</a><a href="/b">问卷篇</a></nav></aside>
      <div class="VPContent has-sidebar"><div class="VPDoc has-sidebar has-aside"><div class="aside"><nav>On this page</nav></div>
      <main class="main"><div class="vp-doc"><h1 id="x">问卷篇 <a class="header-anchor" href="#x">\u200b</a></h1><!--[--><!--]-->
      ${PARAS.map((p) => `<p>${p}</p>`).join('\n')}</div></main></div></div><!--]--></div></body></html>`;
    const r = htmlToMarkdown(html);
    for (const p of PARAS) expect(r.markdown).toContain(p);
    expect(r.markdown).not.toMatch(/<!--|Skip to content|On this page/);
    expect(r.markdown).toMatch(/^title: 问卷篇$/m);
    expect(r.markdown).toMatch(/^outlet: 2023 年度开源报告$/m);
  });
});

describe('the title without the site’s name', () => {
  it('keeps the part the page’s own heading is (a list number aside)', () => {
    expect(stripSiteName('问卷篇 | 2023 年度开源报告', { heading: '问卷篇' })).toBe('问卷篇');
    expect(stripSiteName('8. 大事记篇 | 2024 年度开源报告', { heading: '大事记篇' })).toBe('大事记篇');
  });

  it('keeps the part that holds the heading, even when the description repeats that part', () => {
    // a government site describes a paper by citing its title; the heading is the paper's own
    const ev = { heading: '新时代的中国候鸟保护', names: ['某办公室发布《新时代的中国候鸟保护》白皮书', '白皮书'], text: '中华人民共和国\n某某办公室\n2030年1月' };
    expect(stripSiteName('《新时代的中国候鸟保护》白皮书_中华人民共和国某某办公室', ev)).toBe('《新时代的中国候鸟保护》白皮书');
    // a note that the page has it all (（全文）) is not part of the title
    expect(stripSiteName('新时代的中国候鸟保护（全文）_白皮书_某某网', { heading: '新时代的中国候鸟保护' })).toBe('新时代的中国候鸟保护');
    // two parts holding it: no evidence which, the rules after decide
    expect(stripSiteName('候鸟保护规划 - 候鸟保护规划解读', { heading: '候鸟保护' })).toBe('候鸟保护规划 - 候鸟保护规划解读');
  });

  it('drops the part that is the site’s name, at either end', () => {
    expect(stripSiteName('国务院常务会议研究部署数字经济发展_示例新闻网', { site: '示例新闻网' })).toBe('国务院常务会议研究部署数字经济发展');
    expect(stripSiteName('示例新闻网 - 国务院常务会议研究部署数字经济发展', { site: '示例新闻网' })).toBe('国务院常务会议研究部署数字经济发展');
  });

  it('without a site name or heading, keeps the part the text carries', () => {
    const text = '数据安全管理办法\n\n第一条　为了加强数据安全管理，制定本办法。';
    expect(stripSiteName('数据安全管理办法-法规', { text })).toBe('数据安全管理办法');
    expect(stripSiteName('人工智能 - 维基百科，自由的百科全书', { text: '人工智能（英语：artificial intelligence）亦称机器智能。' })).toBe('人工智能');
  });

  it('keeps the part the page shows as a line of its own, when the other part is nowhere on it', () => {
    // the browser's title joins headline and site name; the page shows only the headline
    const shown = ['首页', '新闻发布会', '国家航天任务第二场新闻发布会', '版权所有：某某工程官方网站'];
    expect(stripSiteName('国家航天任务第二场新闻发布会_某某官方网站', { text: '北京时间6月24日，飞船成功对接。', shown })).toBe('国家航天任务第二场新闻发布会');
    // both parts shown, or neither: nothing says which is the site's
    expect(stripSiteName('国家航天任务第二场新闻发布会_某某官方网站', { shown: [...shown, '某某官方网站'] })).toBe('国家航天任务第二场新闻发布会_某某官方网站');
    expect(stripSiteName('中国-东盟自由贸易区升级议定书', { shown: ['中国'] })).toBe('中国-东盟自由贸易区升级议定书');
  });

  it('keeps titles that contain a dash when nothing says a part is the site’s', () => {
    expect(stripSiteName('中国-东盟自由贸易区升级议定书', { text: '中国—东盟自由贸易区升级议定书于近日签署。' })).toBe('中国-东盟自由贸易区升级议定书');
    expect(stripSiteName('2023-2024 年度报告')).toBe('2023-2024 年度报告');
    expect(stripSiteName('COVID-19 疫情防控 - 总结', { heading: 'COVID-19 疫情防控 - 总结' })).toBe('COVID-19 疫情防控 - 总结');
  });
});
