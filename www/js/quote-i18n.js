// The quote section's own words (www/parts/quote.html's data-q nodes, the result, the
// prospect's problems) and the quote page's title, in English and Simplified Chinese. Engine
// problems the quote words itself (the turnover and the losses, which a prospect types) are
// here; every other problem goes through the shared `problemText` of i18n.js. The language
// itself is the <credit-calculator> element's, as on every page.
import { problemText } from './i18n.js';

const en = {
  'page.title': 'Trade credit insurance: your indicative premium',
  'page.tagline': 'Six quick questions for an indicative yearly premium, worked out on this page.',
  'privacy': 'Everything is calculated on this page. Nothing you enter is sent anywhere.',
  'privacy.kept': 'Your answers are kept only in this browser, so they are still here when you come back.',
  'privacy.clear': 'Clear my answers',
  'noscript': 'This page works out your premium in your browser and needs JavaScript.',

  'questions.title': 'About your business',

  'q.turnover': 'How much do you sell on credit in a year?',
  'q.turnover.hint': 'Your yearly sales to business customers on payment terms, for example 2,000,000.',
  'q.currency': 'Currency',
  'q.sector': 'What does your business do?',
  'q.sector.hint': 'The closest sector. It sets the starting rate.',
  'q.sector.other': 'Other or not sure',
  'q.where': 'Where are your customers?',
  'q.where.hint': 'Customers in riskier countries cost more to insure.',
  'q.where.home': 'Mostly in my own country',
  'q.where.oecd': 'Mostly in Europe, North America or other high-income countries',
  'q.where.mix': 'A mix, including emerging markets',
  'q.where.emerging': 'Mostly in emerging markets',
  'q.buyers': 'How many business customers buy from you on credit?',
  'q.buyers.hint': 'More customers spread the risk, which lowers the rate.',
  'q.buyers.1-5': '1 to 5',
  'q.buyers.6-20': '6 to 20',
  'q.buyers.21-100': '21 to 100',
  'q.buyers.101-500': '101 to 500',
  'q.buyers.500+': 'More than 500',
  'q.terms': 'How long do you usually give them to pay?',
  'q.terms.hint': 'Your usual payment terms.',
  'q.terms.days': '{n} days',
  'q.losses': 'How much do unpaid invoices cost you in an average year?',
  'q.losses.hint': 'Your average yearly bad debt over the last three years. Enter 0 if you had none; leave it empty if you do not know.',
  'q.country': 'Where is your company based? (optional)',
  'q.country.hint': 'For the insurance premium tax; if your customers are mostly local, also for their country risk.',
  'q.country.unknown': 'Not sure',
  // The policyholder countries the question offers, named here rather than by
  // Intl.DisplayNames, whose first use (about 15 ms, ICU data) sat on the page's cold start.
  'q.country.GB': 'United Kingdom',
  'q.country.DE': 'Germany',
  'q.country.FR': 'France',
  'q.country.IT': 'Italy',
  'q.country.ES': 'Spain',
  'q.country.NL': 'Netherlands',
  'q.country.CN': 'China',
  'q.country.US': 'United States',
  'q.country.SG': 'Singapore',
  'q.country.HK': 'Hong Kong',

  'result.title': 'Your indicative premium',
  'result.offer': 'Indicative estimate, not an offer. Actual premiums depend on the insurer’s underwriting.',
  'result.perYear': 'Premium per year',
  'result.range': '{low} – {high}',
  'result.point': 'Most likely about {premium} a year: {rate} of the sales you insure.',
  'result.minimum': 'This is the insurer’s minimum premium of {minimum} a year.',
  'result.covers': 'What it covers',
  'result.indemnity': 'Share of an insured loss paid to you',
  'result.maxLiability': 'Most the insurer pays in a year',
  'result.costs': 'What it costs you a year',
  'result.premium': 'Premium (most likely)',
  'result.fees': 'Customer monitoring fees',
  'result.tax': 'Insurance premium tax ({rate})',
  'result.taxNone': 'Insurance premium tax',
  'result.taxNotIncluded': 'not included',
  'result.total': 'Total a year, with fees and tax',
  'result.badDebt': 'Your bad debt, with and without cover',
  'result.expected': 'Expected bad debt a year',
  'result.kept': 'What you would still bear with cover',
  'result.breakEven': 'The cover pays for itself once losses exceed',
  'result.summary': 'In short',
  'result.how': 'How we estimated',
  'result.assumptions': 'What we assumed',
  'result.contact': 'Ask us for a firm quote',
  'result.contactHint': 'A plain link: nothing you entered goes with it.',
  'result.version': 'Rating tables {version}',

  'peek.label': 'Indicative premium a year',
  'status.loading': 'Starting the calculator…',
  'status.ready': 'Indicative premium {low} to {high} a year.',
  'status.start': 'Enter your yearly sales on credit (question 1) to see your estimate.',
  'status.fix': 'Correct the marked answer to see your estimate.',
  'status.failed': 'The calculator stopped unexpectedly and has been restarted. Your answers are kept; please try again.',

  'how.base': 'Starting rate for your sector (risk class {class}): {rate}',
  'how.baseAverage': 'Starting rate for an average sector (risk class 3): {rate}',
  'how.factor': '{driver}{detail}: × {factor}',
  'how.detail': ' ({text})',
  'how.rate': 'Rate: {rate} of the sales you insure',
  'driver.country': 'Where your customers are',
  'driver.terms': 'Payment terms',
  'driver.buyerQuality': 'Your customers’ credit grades',
  'driver.lossHistory': 'Your bad-debt record',
  'driver.spread': 'Number of customers',
  'driver.indemnity': 'Share of a loss insured',
  'driver.firstLoss': 'Losses you keep first',
  'detail.country': 'average OECD risk category {n}',
  'detail.terms': '{n} days',
  'detail.lossHistory': '{p} of sales a year',
  'detail.spread': 'about {n}',
  'detail.indemnity': '{p}',
  'detail.firstLoss': '{p} of sales',
  'detail.none': 'none',
  'detail.notAsked': 'not asked here',
  'detail.notGiven': 'not given',

  'assumption.SECTOR_AVERAGE': 'Your sector is taken as average (risk class 3).',
  'assumption.BUYERS_COUNTRIES_NOT_GIVEN': 'Your customers’ countries are taken as average risk.',
  'assumption.PREMIUM_TAX_NOT_GIVEN': 'Insurance premium tax is not included: choose where your company is based to add it.',
  'assumption.PREMIUM_TAX_UNKNOWN': 'The insurance premium tax of your country is not known to us and is not included.',
  'assumption.EXPECTED_LOSS_FROM_PD': 'Your expected bad debt is estimated from an average default rate, as you gave no loss figure.',
  'assumption.EXCESS_PER_CLAIM_NOT_PRICED': 'An excess per claim is not priced in.',
  'assumption.NO_FEE_FOR_CURRENCY': 'Monitoring fees are not known for this currency.',
  'assumption.HOME_HIGH_INCOME': 'Your home country is taken as a high-income OECD country: choose where your company is based to refine it.',
  'assumption.INDEMNITY': 'Standard cover: {p} of each insured loss, up to {multiple} times the premium a year.',

  'error.insuredTurnover.NOT_A_NUMBER': 'Enter an amount in figures, for example 2,000,000.',
  'error.insuredTurnover.OUT_OF_RANGE': 'Enter an amount above zero.',
  'error.insuredTurnover.OUT_OF_RANGE.max': 'Enter an amount above zero and below {max}.',
  'error.badDebtLosses.NOT_A_NUMBER': 'Enter an amount in figures, or 0 if you had none.',
  'error.badDebtLosses.OUT_OF_RANGE': 'Enter 0 or more.',
  'error.badDebtLosses.OUT_OF_RANGE.max': 'Enter an amount from 0 to {max}.',
};

const zh = {
  'page.title': '贸易信用保险：参考保费',
  'page.tagline': '回答六个简单问题，即可在本页算出每年的参考保费。',
  'privacy': '所有计算都在本页完成，您输入的任何内容都不会发送到任何地方。',
  'privacy.kept': '您的回答只保存在本浏览器中，下次打开时仍在。',
  'privacy.clear': '清除我的回答',
  'noscript': '本页在您的浏览器中计算保费，需要启用 JavaScript。',

  'questions.title': '关于您的企业',

  'q.turnover': '您每年的赊销额是多少？',
  'q.turnover.hint': '每年以账期方式销售给企业客户的金额，例如 2,000,000。',
  'q.currency': '币种',
  'q.sector': '您的企业属于哪个行业？',
  'q.sector.hint': '选择最接近的行业，它决定起始费率。',
  'q.sector.other': '其他或不确定',
  'q.where': '您的客户主要在哪里？',
  'q.where.hint': '客户所在国家风险越高，保费越高。',
  'q.where.home': '主要在本国',
  'q.where.oecd': '主要在欧洲、北美或其他高收入国家',
  'q.where.mix': '混合，包括新兴市场',
  'q.where.emerging': '主要在新兴市场',
  'q.buyers': '有多少企业客户向您赊购？',
  'q.buyers.hint': '客户越多，风险越分散，费率越低。',
  'q.buyers.1-5': '1 至 5 家',
  'q.buyers.6-20': '6 至 20 家',
  'q.buyers.21-100': '21 至 100 家',
  'q.buyers.101-500': '101 至 500 家',
  'q.buyers.500+': '500 家以上',
  'q.terms': '您通常给客户多长的付款期？',
  'q.terms.hint': '您常用的账期。',
  'q.terms.days': '{n} 天',
  'q.losses': '平均每年因客户不付款损失多少？',
  'q.losses.hint': '过去三年平均每年的坏账金额。没有坏账请填 0；不清楚请留空。',
  'q.country': '贵公司位于哪个国家或地区？（选填）',
  'q.country.hint': '用于计算保险费税；如果客户主要在本地，也用于评估其国家风险。',
  'q.country.unknown': '不确定',
  'q.country.GB': '英国',
  'q.country.DE': '德国',
  'q.country.FR': '法国',
  'q.country.IT': '意大利',
  'q.country.ES': '西班牙',
  'q.country.NL': '荷兰',
  'q.country.CN': '中国',
  'q.country.US': '美国',
  'q.country.SG': '新加坡',
  'q.country.HK': '香港',

  'result.title': '您的参考保费',
  'result.offer': '仅为参考估算，并非报价要约。实际保费取决于保险公司的核保结果。',
  'result.perYear': '每年保费',
  'result.range': '{low} 至 {high}',
  'result.point': '最可能约为每年 {premium}，占投保销售额的 {rate}。',
  'result.minimum': '这是保险公司的最低保费：每年 {minimum}。',
  'result.covers': '保障内容',
  'result.indemnity': '承保损失的赔付比例',
  'result.maxLiability': '保险公司每年最高赔付',
  'result.costs': '每年费用',
  'result.premium': '保费（最可能）',
  'result.fees': '客户监控费',
  'result.tax': '保险费税（{rate}）',
  'result.taxNone': '保险费税',
  'result.taxNotIncluded': '未计入',
  'result.total': '每年合计（含费用和税）',
  'result.badDebt': '投保前后的坏账',
  'result.expected': '预计每年坏账',
  'result.kept': '投保后仍需自担',
  'result.breakEven': '当年损失超过此数时保险即可回本',
  'result.summary': '概要',
  'result.how': '估算方法',
  'result.assumptions': '估算假设',
  'result.contact': '联系我们获取正式报价',
  'result.contactHint': '这是一个普通链接：您输入的内容不会随之发送。',
  'result.version': '费率表 {version}',

  'peek.label': '每年参考保费',
  'status.loading': '正在启动计算器…',
  'status.ready': '参考保费每年 {low} 至 {high}。',
  'status.start': '请填写每年的赊销额（问题 1）以查看估算。',
  'status.fix': '请更正标出的回答以查看估算。',
  'status.failed': '计算器意外停止，已重新启动。您的回答仍在，请重试。',

  'how.base': '您所在行业的起始费率（风险等级 {class}）：{rate}',
  'how.baseAverage': '平均行业的起始费率（风险等级 3）：{rate}',
  'how.factor': '{driver}{detail}：× {factor}',
  'how.detail': '（{text}）',
  'how.rate': '费率：投保销售额的 {rate}',
  'driver.country': '客户所在地',
  'driver.terms': '付款期',
  'driver.buyerQuality': '客户信用等级',
  'driver.lossHistory': '坏账记录',
  'driver.spread': '客户数量',
  'driver.indemnity': '损失承保比例',
  'driver.firstLoss': '自担的首笔损失',
  'detail.country': '平均经合组织风险类别 {n}',
  'detail.terms': '{n} 天',
  'detail.lossHistory': '每年占销售额 {p}',
  'detail.spread': '约 {n} 家',
  'detail.indemnity': '{p}',
  'detail.firstLoss': '占销售额 {p}',
  'detail.none': '无',
  'detail.notAsked': '此处未询问',
  'detail.notGiven': '未填写',

  'assumption.SECTOR_AVERAGE': '行业按平均风险（风险等级 3）计算。',
  'assumption.BUYERS_COUNTRIES_NOT_GIVEN': '客户所在国家按平均风险计算。',
  'assumption.PREMIUM_TAX_NOT_GIVEN': '未含保险费税：选择贵公司所在地即可计入。',
  'assumption.PREMIUM_TAX_UNKNOWN': '我们不了解贵国的保险费税，估算中未计入。',
  'assumption.EXPECTED_LOSS_FROM_PD': '您未填写损失金额，预计坏账按平均违约率估算。',
  'assumption.EXCESS_PER_CLAIM_NOT_PRICED': '每次索赔的免赔额未计入费率。',
  'assumption.NO_FEE_FOR_CURRENCY': '该币种的监控费未知。',
  'assumption.HOME_HIGH_INCOME': '本国按经合组织高收入国家计算：选择贵公司所在地可使估算更准确。',
  'assumption.INDEMNITY': '标准保障：每笔承保损失赔付 {p}，每年最高为保费的 {multiple} 倍。',

  'error.insuredTurnover.NOT_A_NUMBER': '请输入数字金额，例如 2,000,000。',
  'error.insuredTurnover.OUT_OF_RANGE': '请输入大于 0 的金额。',
  'error.insuredTurnover.OUT_OF_RANGE.max': '请输入大于 0 且小于 {max} 的金额。',
  'error.badDebtLosses.NOT_A_NUMBER': '请输入数字金额；没有坏账请填 0。',
  'error.badDebtLosses.OUT_OF_RANGE': '请输入 0 或更大的金额。',
  'error.badDebtLosses.OUT_OF_RANGE.max': '请输入 0 至 {max} 之间的金额。',
};

export const quoteMessages = { en, 'zh-CN': zh };

/** The page's text for `key` in `locale` with {placeholders} filled; English, then the key, as fallbacks. */
export function qt(locale, key, vars = {}) {
  const template = quoteMessages[locale]?.[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/**
 * One engine problem in the prospect's words. The amounts a prospect types (turnover, losses)
 * have their own wording here, keyed by the field's name without its index
 * (`badDebtLosses[0]` → `badDebtLosses`); everything else is the shared `problemText`.
 * `formatMax` shows the engine's upper bound as a number of the locale.
 */
export function quoteProblemText(locale, problem, formatMax = (max) => max) {
  const leaf = String(problem.field ?? '').replace(/\[\d+\]$/, '').replace(/^.*\./, '');
  const key = `error.${leaf}.${problem.code}`;
  // An OUT_OF_RANGE without bounds is "too large to calculate with": the shared wording.
  const unbounded = problem.code === 'OUT_OF_RANGE' && problem.min == null && problem.max == null;
  if (key in en && !unbounded) {
    if (problem.code === 'OUT_OF_RANGE' && problem.max != null) {
      return qt(locale, `${key}.max`, { max: formatMax(problem.max) });
    }
    return qt(locale, key);
  }
  return problemText(locale, problem);
}
