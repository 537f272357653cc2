// The portfolio page's words, in English and Simplified Chinese: every label, hint, status
// and problem the page shows. The language itself is found as on the other pages (a saved
// choice, else the browser's), through i18n.js's detectLocale, so all pages agree.
import { detectLocale } from './i18n.js';

export { detectLocale };

export const LOCALES = ['en', 'zh-CN'];

const en = {
  'page.title': 'Portfolio: score and limit every customer',
  'page.tagline': 'Open or paste a customer list: each customer is scored and given a credit limit on this page.',
  'page.skip': 'Skip to the customer list',
  'page.back': 'Deal check for one customer',
  'lang.label': 'Language',
  'privacy': 'Everything is calculated on this page. No row of your file leaves this browser.',
  'noscript': 'This page scores your customers in your browser and needs JavaScript.',

  'input.title': 'Your customer list',
  'input.hint': 'A CSV file with a header row: one customer a row, comma or semicolon between cells, UTF-8 (with or without a byte-order mark). English or Chinese column names; only termsDays is required.',
  'input.template': 'Download the template (CSV)',
  'input.columns': 'Which columns are read',
  'input.asOf': 'As of',
  'input.asOf.hint': 'The date the scores and limits are worked out for.',
  'input.file': 'Open a CSV file',
  'input.paste': 'Or paste the rows (header first)',
  'input.paste.run': 'Score the pasted rows',
  'input.cancel': 'Cancel',

  'status.idle': 'Open a file or paste rows to begin.',
  'status.loading': 'Starting the calculator…',
  'status.running': 'Scoring… Rows read: {rows}. Customers scored: {scored}.',
  'status.done': 'Done in {seconds} s. Customers scored: {scored}. Rows with problems: {problems}.',
  'status.cancelled': 'Cancelled. Nothing was kept; open or paste the list again to start over.',
  'status.empty': 'There is nothing to score: paste a header row and at least one customer.',
  'status.noAsOf': 'Enter the as-of date (YYYY-MM-DD) first.',
  'status.failed': 'The list could not be scored: {message}',
  'progress.label': 'Progress',
  'progress.bytes': '{done} of {total}',

  'summary.title': 'The portfolio at a glance',
  'summary.customers': 'Customers scored',
  'summary.problems': 'Rows with problems',
  'summary.blank': 'Blank rows skipped',
  'summary.review': 'To review',
  'totals.title': 'Limits against exposure',
  'totals.currency': 'Currency',
  'totals.none': 'No currency given',
  'totals.customers': 'Customers',
  'totals.recommended': 'Recommended limits',
  'totals.exposure': 'Exposure',
  'totals.expectedLoss': 'Expected loss',
  'totals.overLimit': 'Over the limit',
  'totals.note': 'Exposure = open receivables + open orders. Expected loss = PD × loss given default ({lgd}) × exposure.',

  'chart.title': 'Customers by grade',
  'chart.label': 'Customers by grade: {list}.',
  'chart.item': 'grade {grade}: {count}',
  'chart.axis': 'Grade (1 = best, 10 = worst)',

  'review.title': 'Review these first',
  'review.hint': 'Customers whose grade calls for a review or security, and customers over their limit: worst grade first, then the largest exposure.',
  'review.none': 'No customer needs a review.',
  'review.more': 'Showing {shown} of {total}; sort the table by "Review" to see all.',

  'problems.title': 'Rows with problems',
  'problems.hint': 'These rows were left out; every other row was scored.',
  'problems.none': 'No problems: every row was read.',
  'problems.more': 'And {count} more problems: export the list to see them all.',
  'problems.moreNotKept': 'And {count} more problems; the first {kept} are kept: export the list to see them.',
  'problems.export': 'Export the problems (CSV)',
  'problems.filename': 'portfolio-problems.csv',
  'problems.code': 'Code',
  'problems.ignored': 'Columns not read: {list}. Rename them as in the template if they should count.',
  'problems.row': 'Row',
  'problems.column': 'Column',
  'problems.message': 'Problem',

  'table.title': 'All customers',
  'table.hint': 'Select a column heading to sort. The list shows the rows in view; scroll for the others.',
  'table.caption': 'Customers: {count}',
  'table.export': 'Export results (CSV)',
  'table.sortAsc': 'sorted ascending',
  'table.sortDesc': 'sorted descending',

  'col.row': 'Row',
  'col.reference': 'Reference',
  'col.name': 'Customer',
  'col.score': 'Score',
  'col.grade': 'Grade',
  'col.pd': 'PD (12 months)',
  'col.decision': 'Decision',
  'col.recommended': 'Recommended limit',
  'col.bindingMethod': 'Set by',
  'col.exposure': 'Exposure',
  'col.headroom': 'Headroom',
  'col.expectedLoss': 'Expected loss',
  'col.review': 'Review',

  'decision.approve': 'Approve',
  'decision.review': 'Review',
  'decision.secureOrPrepay': 'Secure or prepay',
  'band.green': 'Green',
  'band.amber': 'Amber',
  'band.red': 'Red',
  'binding.need': 'Need',
  'binding.netWorth': 'Net worth',
  'binding.revenue': 'Revenue',
  'binding.workingCapital': 'Working capital',
  'binding.concentration': 'Concentration',
  'binding.ceiling': 'Policy ceiling',
  'binding.insuredExtension': 'Insured limit',
  'binding.gradeCutOff': 'No open credit (grade)',
  'binding.none': 'No cap applies',
  'review.yes': 'Review',
  'review.overLimit': 'Over limit',
  'review.no': '—',

  'problem.REQUIRED': 'Required.',
  'problem.REQUIRED.columns': 'The file has no termsDays column (账期天数): add the credit period in days.',
  'problem.NOT_A_NUMBER': 'Not a number: write it plainly, with a point for decimals and no thousands separators (1234567.50).',
  'problem.NOT_AN_INTEGER': 'Must be a whole number.',
  'problem.TOO_PRECISE': 'Too many decimal places (28 at most).',
  'problem.OUT_OF_RANGE': 'Out of range.',
  'problem.OUT_OF_RANGE.between': 'Must be from {min} to {max}.',
  'problem.NOT_A_DATE': 'Not a date: write it YYYY-MM-DD (or YYYY/M/D).',
  'problem.AFTER_AS_OF': 'Must not be after the as-of date.',
  'problem.NOT_ONE_OF': 'Not one of: {allowed}.',
  'problem.NOT_ONE_OF.currency': 'Not a currency code: write an ISO 4217 code such as CNY (RMB is read as CNY), or add the currency to the credit policy.',
  'problem.NOT_A_BOOLEAN': 'Write yes or no (1/0, 是/否).',
  'problem.UNORDERED': 'The highest bureau score must be above the lowest.',
  'problem.TOO_LONG': 'Too long.',
  'problem.TOO_LONG.row': 'This row has more cells than the header has columns.',
  'problem.NOT_A_STRING': 'Must be text or a number.',
  'problem.DUPLICATE': 'Two columns are read as the same field: keep one.',
  'problem.OVERFLOW': 'These figures are too large to calculate with.',
  'problem.UNKNOWN_FIELD': 'Not a known field.',
  'problem.CSV': 'This row could not be read as CSV (a quote that does not close?).',
  'problem.ENGINE_FAILED': 'The calculator stopped unexpectedly. Please try again.',
  'problem.other': '{message}',

  'export.filename': 'portfolio-results.csv',
  'yes': 'yes',
  'no': 'no',
};

const zh = {
  'page.title': '客户组合：为每位客户评分并核定额度',
  'page.tagline': '打开或粘贴客户清单：每位客户的信用评分和赊销额度都在本页计算。',
  'page.skip': '跳到客户清单',
  'page.back': '单个客户的交易检查',
  'lang.label': '语言',
  'privacy': '所有计算都在本页完成。文件中的任何一行都不会离开本浏览器。',
  'noscript': '本页在浏览器中为客户评分，需要启用 JavaScript。',

  'input.title': '客户清单',
  'input.hint': '带表头的 CSV 文件：每行一位客户，单元格之间用逗号或分号分隔，UTF-8 编码（有无字节顺序标记均可）。列名可用英文或中文；只有账期天数（termsDays）为必填。',
  'input.template': '下载模板（CSV）',
  'input.columns': '读取哪些列',
  'input.asOf': '评估日期',
  'input.asOf.hint': '评分和额度按此日期计算。',
  'input.file': '打开 CSV 文件',
  'input.paste': '或粘贴各行（表头在前）',
  'input.paste.run': '为粘贴的各行评分',
  'input.cancel': '取消',

  'status.idle': '打开文件或粘贴各行即可开始。',
  'status.loading': '正在启动计算器…',
  'status.running': '评分中：已读取 {rows} 行，已评分 {scored} 位客户…',
  'status.done': '完成：{seconds} 秒内为 {scored} 位客户评分；{problems} 行有问题。',
  'status.cancelled': '已取消，未保留任何结果；请重新打开或粘贴清单。',
  'status.empty': '没有可评分的内容：请粘贴表头和至少一位客户。',
  'status.noAsOf': '请先输入评估日期（年-月-日）。',
  'status.failed': '无法为清单评分：{message}',
  'progress.label': '进度',
  'progress.bytes': '{done} / {total}',

  'summary.title': '客户组合概览',
  'summary.customers': '已评分客户',
  'summary.problems': '有问题的行',
  'summary.blank': '跳过的空行',
  'summary.review': '需复核',
  'totals.title': '额度与敞口',
  'totals.currency': '币种',
  'totals.none': '未注明币种',
  'totals.customers': '客户数',
  'totals.recommended': '建议额度合计',
  'totals.exposure': '敞口合计',
  'totals.expectedLoss': '预期损失合计',
  'totals.overLimit': '超出额度',
  'totals.note': '敞口 = 未收应收账款 + 未完成订单。预期损失 = 违约概率 × 违约损失率（{lgd}）× 敞口。',

  'chart.title': '各等级客户数',
  'chart.label': '各等级客户数：{list}。',
  'chart.item': '{grade} 级 {count} 位',
  'chart.axis': '等级（1 = 最好，10 = 最差）',

  'review.title': '优先复核',
  'review.hint': '等级需要复核或担保的客户，以及超出额度的客户：等级最差的在前，其次是敞口最大的。',
  'review.none': '没有需要复核的客户。',
  'review.more': '显示 {total} 位中的 {shown} 位；在下表中按“复核”排序可查看全部。',

  'problems.title': '有问题的行',
  'problems.hint': '这些行未参与计算；其余各行均已评分。',
  'problems.none': '没有问题：每一行都已读取。',
  'problems.more': '另有 {count} 个问题：导出列表即可全部查看。',
  'problems.moreNotKept': '另有 {count} 个问题；仅保留前 {kept} 个：导出列表即可查看。',
  'problems.export': '导出问题列表（CSV）',
  'problems.filename': '客户组合问题.csv',
  'problems.code': '代码',
  'problems.ignored': '未读取的列：{list}。如需计入，请按模板重命名。',
  'problems.row': '行',
  'problems.column': '列',
  'problems.message': '问题',

  'table.title': '全部客户',
  'table.hint': '选择列标题即可排序。列表只显示可见的行，滚动可查看其余各行。',
  'table.caption': '{count} 位客户',
  'table.export': '导出结果（CSV）',
  'table.sortAsc': '升序',
  'table.sortDesc': '降序',

  'col.row': '行',
  'col.reference': '编号',
  'col.name': '客户',
  'col.score': '评分',
  'col.grade': '等级',
  'col.pd': '违约概率（12 个月）',
  'col.decision': '决定',
  'col.recommended': '建议额度',
  'col.bindingMethod': '额度依据',
  'col.exposure': '敞口',
  'col.headroom': '可用额度',
  'col.expectedLoss': '预期损失',
  'col.review': '复核',

  'decision.approve': '批准',
  'decision.review': '复核',
  'decision.secureOrPrepay': '要求担保或预付',
  'band.green': '绿色',
  'band.amber': '黄色',
  'band.red': '红色',
  'binding.need': '需求',
  'binding.netWorth': '净资产',
  'binding.revenue': '营业收入',
  'binding.workingCapital': '营运资金',
  'binding.concentration': '集中度',
  'binding.ceiling': '政策上限',
  'binding.insuredExtension': '保险核准限额',
  'binding.gradeCutOff': '不提供赊销（等级）',
  'binding.none': '无适用上限',
  'review.yes': '复核',
  'review.overLimit': '超额',
  'review.no': '—',

  'problem.REQUIRED': '此项必填。',
  'problem.REQUIRED.columns': '文件没有账期天数（termsDays）列：请加上以天计的信用期。',
  'problem.NOT_A_NUMBER': '不是数字：请直接书写，小数用小数点，不用千位分隔符（1234567.50）。',
  'problem.NOT_AN_INTEGER': '必须是整数。',
  'problem.TOO_PRECISE': '小数位数过多（最多 28 位）。',
  'problem.OUT_OF_RANGE': '超出范围。',
  'problem.OUT_OF_RANGE.between': '必须在 {min} 到 {max} 之间。',
  'problem.NOT_A_DATE': '不是日期：请写成 年-月-日（或 年/月/日）。',
  'problem.AFTER_AS_OF': '不能晚于评估日期。',
  'problem.NOT_ONE_OF': '必须是以下之一：{allowed}。',
  'problem.NOT_ONE_OF.currency': '不是可用的币种代码：请填写 ISO 4217 代码，例如 CNY（RMB 视为 CNY），或在信用政策中添加该币种。',
  'problem.NOT_A_BOOLEAN': '请填写是或否（1/0、yes/no）。',
  'problem.UNORDERED': '征信评分最高分必须高于最低分。',
  'problem.TOO_LONG': '内容过长。',
  'problem.TOO_LONG.row': '此行的单元格多于表头的列数。',
  'problem.NOT_A_STRING': '必须是文本或数字。',
  'problem.DUPLICATE': '有两列被读作同一字段：请只保留一列。',
  'problem.OVERFLOW': '数值过大，无法计算。',
  'problem.UNKNOWN_FIELD': '不是已知字段。',
  'problem.CSV': '此行无法按 CSV 读取（是否有未闭合的引号？）。',
  'problem.ENGINE_FAILED': '计算器意外停止，请重试。',
  'problem.other': '{message}',

  'export.filename': '客户组合结果.csv',
  'yes': '是',
  'no': '否',
};

export const messages = { en, 'zh-CN': zh };

/** The text for `key` in `locale` with {placeholders} filled; English, then the key, as fallbacks. */
export function pt(locale, key, vars = {}) {
  const template = messages[locale]?.[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

const has = (locale, key) => key in (messages[locale] ?? {});

let regionNamesZh = null;
/** Each policy's industries by code → Chinese name, made once (an export may name 100,000 problems). */
const industryNamesZh = new WeakMap();

/**
 * What a cell may hold, as the user reads it: in Chinese, the policy's Chinese industry names
 * (a cell may hold those, the English names or the codes) and the countries' Chinese names
 * beside their codes; otherwise the codes.
 */
function allowedText(locale, field, allowed, industries) {
  if (locale !== 'zh-CN') return allowed.join(', ');
  if (field === 'industry' && industries) {
    let zh = industryNamesZh.get(industries);
    if (!zh) industryNamesZh.set(industries, (zh = new Map(industries.map((i) => [i.code, i.nameZh]))));
    return allowed.map((c) => zh.get(c) || c).join('、');
  }
  if (field === 'country' && typeof Intl.DisplayNames === 'function') {
    try {
      regionNamesZh ??= new Intl.DisplayNames(['zh-CN'], { type: 'region', fallback: 'none' });
      return allowed.map((c) => {
        const name = regionNamesZh.of(c);
        return name ? `${name}（${c}）` : c;
      }).join('、');
    } catch {
      // not a region code the browser knows: the codes
    }
  }
  return allowed.join('、');
}

/**
 * A problem of the engine (a row's, or the whole list's) in the user's language; `industries`
 * are the policy's (code, nameEn, nameZh), for naming the allowed industries.
 */
export function problemText(locale, problem, industries = null) {
  const { code, field = '', min, max, allowed } = problem;
  const specific = `problem.${code}.${field}`;
  if (has(locale, specific)) return pt(locale, specific);
  if (code === 'OUT_OF_RANGE' && min != null && max != null) return pt(locale, 'problem.OUT_OF_RANGE.between', { min, max });
  if (code === 'NOT_ONE_OF' && allowed) return pt(locale, 'problem.NOT_ONE_OF', { allowed: allowedText(locale, field, allowed, industries) });
  if (String(code).startsWith('CSV')) return pt(locale, 'problem.CSV');
  if (has(locale, `problem.${code}`)) return pt(locale, `problem.${code}`);
  return pt(locale, 'problem.other', { message: problem.message ?? code });
}
