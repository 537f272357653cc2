// English and Simplified Chinese for every label, hint, sentence and error. Engine errors are
// translated by their stable code (and field, where a field needs its own wording); the
// engine's English message is the last resort. This module holds what every mode needs (the
// element's toolbar, the policy panel, the errors); the sections' texts are in
// i18n-sections.js, which each section imports, so the quote page never downloads them.

export const LOCALES = ['en', 'zh-CN'];

const en = {
  'app.title': 'Credit calculator',
  'app.tagline': 'Deal check for B2B trade credit: exact figures, worked out in your browser.',
  'app.skip': 'Skip to the calculator',
  'lang.label': 'Language',
  'privacy': 'Private by design: everything is calculated on this page. Nothing you type is sent anywhere.',
  'policy.version': 'Credit policy {version}',
  'engine.loading': 'Starting the calculator…',
  'engine.failed': 'The calculator stopped unexpectedly and has been restarted. Your entries are kept; please try again.',
  'app.skipNav': 'Skip links',
  'app.dealCheck': 'Deal check',
  'app.quoteLink': 'Credit insurance: a quick indicative quote',
  'app.portfolioLink': 'Score a customer list (portfolio)',
  'app.embedLink': 'Embed the calculator in your intranet',
  'tools.copyLink': 'Copy link',
  'tools.copySummary': 'Copy summary',
  'tools.print': 'Print report',
  'tools.reportFailed': 'The report could not be built; the figures on screen are unaffected.',
  'tools.clear': 'Clear',
  'tools.clearConfirm': 'Clear every field of this calculator? This cannot be undone.',
  'tools.cleared': 'Cleared. Every field is back to its starting value.',
  'tools.linkCopied': 'Link copied. It holds what you typed (not the results) after the # sign, which is never sent to a server.',
  'tools.summaryCopied': 'Summary copied: paste it into an e-mail or a CRM note.',
  'tools.copyFailed': 'Could not copy: your browser did not allow it.',
  'tools.linkOpened': 'Opened from a shared link: the fields hold what was shared.',
  'tools.linkBroken': 'This shared link could not be read; your own saved entries are shown.',
  'tools.policy': 'Credit policy',
  'tools.policyOurs': 'default {version}',
  'tools.policyCompany': '{name} {version} (your company’s)',
  'tools.policyHint': 'Load your company’s credit policy: a JSON file like the default one. It is read on this page only and every result then follows it.',
  'tools.policyFile': 'Policy file',
  'tools.policyUrl': 'Or its address on this site',
  'tools.policyUrlHint': 'For example /credit-policy.json. Only addresses on this site are read.',
  'tools.policyLoad': 'Load',
  'tools.policyDefault': 'Use the default policy',
  'tools.policyDownload': 'Download the default policy',
  'tools.policyInvalid': 'This policy cannot be used: {count} problem(s). The policy in use is unchanged.',

  'error.REQUIRED': 'Required.',
  'error.POLICY_OFF_ORIGIN': 'Only a policy on this site is read; give an address such as /credit-policy.json.',
  'error.POLICY_UNREACHABLE': 'The policy could not be fetched from that address.',
  'error.POLICY_NOT_JSON': 'This file is not JSON: a credit policy is a JSON document.',
  'error.NOT_A_NUMBER': 'Enter a number.',
  'error.NOT_AN_INTEGER': 'Enter a whole number.',
  'error.TOO_PRECISE': 'Too many decimal places (28 at most).',
  'error.OUT_OF_RANGE.between': 'Enter a value from {min} to {max}.',
  'error.OUT_OF_RANGE.min': 'Enter a value of at least {min}.',
  'error.OUT_OF_RANGE.max': 'Enter a value of at most {max}.',
  'error.OUT_OF_RANGE': 'This value is too large to calculate with.',
  'error.NOT_A_DATE': 'Enter a date (YYYY-MM-DD).',
  'error.NOT_ONE_OF': 'Choose one of: {allowed}.',
  'error.NET_NOT_AFTER_DISCOUNT': 'The net period must be longer than the discount period.',
  'error.OVERFLOW': 'These numbers are too large to calculate with.',
  'error.discountPercent.OUT_OF_RANGE': 'Enter a discount of at least 0% and below 100%.',
  'error.currency.NOT_ONE_OF': 'Choose a currency.',
  'error.ENGINE_FAILED': 'The calculator stopped unexpectedly and has been restarted. Please try again.',
  'error.other': 'This value cannot be used: {message}',

  // Customer score section
  'app.skipScore': 'Skip to the customer score',
  'app.skipDiscount': 'Skip to the discount calculator',

  'error.AFTER_AS_OF': 'Must not be after the as-of date.',
  'error.UNORDERED': 'These dates are in the wrong order.',
  'error.DUPLICATE': 'This appears twice (for example two periods ending on the same day).',
  'error.NOT_A_BOOLEAN': 'Choose yes or no.',
  'error.TOO_LONG': 'Too long, or too many entries.',
  'error.TOO_LONG.max': 'Too long, or too many entries (at most {max}).',
  // Credit limit section
  'app.skipLimit': 'Skip to the credit limit',
  'error.termsDays.OUT_OF_RANGE': 'Enter from {min} to {max} days.',
  'error.expectedDaysBeyondTerms.OUT_OF_RANGE': 'Enter from {min} to {max} days.',
  'error.grade.OUT_OF_RANGE': 'The customer’s grade is not one of the credit policy’s grades.',
  'error.expectedAnnualSales.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.expectedMonthlySales.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.openReceivables.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.openOrders.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.requestedAmount.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.ourAnnualSales.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.customerRevenue.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.insurerApprovedLimit.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.tangibleNetWorth.OUT_OF_RANGE': 'Enter an amount between −10¹⁸ and 10¹⁸.',
  'error.workingCapital.OUT_OF_RANGE': 'Enter an amount between −10¹⁸ and 10¹⁸.',
  // Credit terms section
  'app.skipTerms': 'Skip to the credit terms',
  // Credit insurance section
  'app.skipInsurance': 'Skip to the credit insurance',
  // Overdue customer section
  'app.skipOverdue': 'Skip to the overdue customer',
};

const zh = {
  'app.title': '客户信用计算器',
  'app.tagline': 'B2B 赊销交易核查：数字精确，全部在您的浏览器中计算。',
  'app.skip': '跳到计算器',
  'lang.label': '语言',
  'privacy': '隐私保护：所有计算都在本页面完成，您输入的任何内容都不会被发送出去。',
  'policy.version': '信用政策 {version}',
  'engine.loading': '正在启动计算器…',
  'engine.failed': '计算器意外停止，已重新启动。您输入的内容仍在，请重试。',
  'app.skipNav': '跳转链接',
  'app.dealCheck': '交易核查',
  'app.quoteLink': '信用保险：快速参考报价',
  'app.portfolioLink': '为整份客户清单评分（客户组合）',
  'app.embedLink': '在内网页面中嵌入计算器',
  'tools.copyLink': '复制链接',
  'tools.copySummary': '复制摘要',
  'tools.print': '打印报告',
  'tools.reportFailed': '无法生成报告；屏幕上的数字不受影响。',
  'tools.clear': '清空',
  'tools.clearConfirm': '清空此计算器的所有字段？此操作无法撤销。',
  'tools.cleared': '已清空，所有字段恢复为初始值。',
  'tools.linkCopied': '链接已复制。# 号之后是您输入的内容（不含结果），这部分从不发送到服务器。',
  'tools.summaryCopied': '摘要已复制，可粘贴到邮件或 CRM 备注中。',
  'tools.copyFailed': '无法复制：浏览器不允许。',
  'tools.linkOpened': '已从共享链接打开：字段内容为共享时的输入。',
  'tools.linkBroken': '无法读取此共享链接，显示的是您自己保存的内容。',
  'tools.policy': '信用政策',
  'tools.policyOurs': '默认 {version}',
  'tools.policyCompany': '{name} {version}（贵公司）',
  'tools.policyHint': '载入贵公司的信用政策：与默认政策格式相同的 JSON 文件。仅在本页面读取，之后所有结果均按其计算。',
  'tools.policyFile': '政策文件',
  'tools.policyUrl': '或其在本站的地址',
  'tools.policyUrlHint': '例如 /credit-policy.json。只读取本站的地址。',
  'tools.policyLoad': '载入',
  'tools.policyDefault': '使用默认政策',
  'tools.policyDownload': '下载默认政策',
  'tools.policyInvalid': '此政策无法使用：{count} 个问题。当前使用的政策未改变。',

  'error.REQUIRED': '此项必填。',
  'error.POLICY_OFF_ORIGIN': '只读取本站的政策，请填写如 /credit-policy.json 的地址。',
  'error.POLICY_UNREACHABLE': '无法从该地址获取政策。',
  'error.POLICY_NOT_JSON': '此文件不是 JSON：信用政策是 JSON 文档。',
  'error.NOT_A_NUMBER': '请输入数字。',
  'error.NOT_AN_INTEGER': '请输入整数。',
  'error.TOO_PRECISE': '小数位数过多（最多 28 位）。',
  'error.OUT_OF_RANGE.between': '请输入 {min} 到 {max} 之间的数值。',
  'error.OUT_OF_RANGE.min': '请输入不小于 {min} 的数值。',
  'error.OUT_OF_RANGE.max': '请输入不大于 {max} 的数值。',
  'error.OUT_OF_RANGE': '数值过大，无法计算。',
  'error.NOT_A_DATE': '请输入日期（年-月-日）。',
  'error.NOT_ONE_OF': '请从以下选项中选择：{allowed}。',
  'error.NET_NOT_AFTER_DISCOUNT': '信用期必须长于折扣期。',
  'error.OVERFLOW': '数值过大，无法计算。',
  'error.discountPercent.OUT_OF_RANGE': '折扣须不小于 0%，且小于 100%。',
  'error.currency.NOT_ONE_OF': '请选择币种。',
  'error.ENGINE_FAILED': '计算器意外停止，已重新启动，请重试。',
  'error.other': '此值无法使用：{message}',

  // 客户评分
  'app.skipScore': '跳到客户评分',
  'app.skipDiscount': '跳到折扣计算器',

  'error.AFTER_AS_OF': '不能晚于评估日期。',
  'error.UNORDERED': '日期的先后顺序有误。',
  'error.DUPLICATE': '重复出现（例如两个报告期的截止日相同）。',
  'error.NOT_A_BOOLEAN': '请选择是或否。',
  'error.TOO_LONG': '内容过长或条目过多。',
  'error.TOO_LONG.max': '内容过长或条目过多（最多 {max}）。',
  // 信用额度
  'app.skipLimit': '跳到信用额度',
  'error.termsDays.OUT_OF_RANGE': '请输入 {min} 到 {max} 天。',
  'error.expectedDaysBeyondTerms.OUT_OF_RANGE': '请输入 {min} 到 {max} 天。',
  'error.grade.OUT_OF_RANGE': '客户等级不在信用政策的等级范围内。',
  'error.expectedAnnualSales.OUT_OF_RANGE': '请输入不小于 0 的金额（小于 10¹⁸）。',
  'error.expectedMonthlySales.OUT_OF_RANGE': '请输入不小于 0 的金额（小于 10¹⁸）。',
  'error.openReceivables.OUT_OF_RANGE': '请输入不小于 0 的金额（小于 10¹⁸）。',
  'error.openOrders.OUT_OF_RANGE': '请输入不小于 0 的金额（小于 10¹⁸）。',
  'error.requestedAmount.OUT_OF_RANGE': '请输入不小于 0 的金额（小于 10¹⁸）。',
  'error.ourAnnualSales.OUT_OF_RANGE': '请输入不小于 0 的金额（小于 10¹⁸）。',
  'error.customerRevenue.OUT_OF_RANGE': '请输入不小于 0 的金额（小于 10¹⁸）。',
  'error.insurerApprovedLimit.OUT_OF_RANGE': '请输入不小于 0 的金额（小于 10¹⁸）。',
  'error.tangibleNetWorth.OUT_OF_RANGE': '请输入 −10¹⁸ 到 10¹⁸ 之间的金额。',
  'error.workingCapital.OUT_OF_RANGE': '请输入 −10¹⁸ 到 10¹⁸ 之间的金额。',
  // 信用条件
  'app.skipTerms': '跳到信用条件',
  // 信用保险部分
  'app.skipInsurance': '跳到信用保险',
  // 逾期客户部分
  'app.skipOverdue': '跳至逾期客户',
};

export const messages = { en, 'zh-CN': zh };

/**
 * Adds a module's texts (e.g. i18n-sections.js, the deal sections'): the quote page loads
 * only the texts above and its own, not the deal check's. A key already here is kept.
 */
export function addMessages(more) {
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(more[locale] ?? {})) messages[locale][key] ??= text;
  }
}

/** The text for `key` in `locale` with {placeholders} filled; English, then the key, as fallbacks. */
export function t(locale, key, vars = {}) {
  const template = messages[locale]?.[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

export function has(locale, key) {
  return key in (messages[locale] ?? {});
}

/** The user's language: a saved choice, else the browser's, else English. */
export function detectLocale(saved, navigatorLanguages = []) {
  if (LOCALES.includes(saved)) return saved;
  for (const lang of navigatorLanguages) {
    if (/^zh\b/i.test(lang)) return 'zh-CN';
    if (/^en\b/i.test(lang)) return 'en';
  }
  return 'en';
}

/** One engine problem ({ code, field, message, min, max, allowed }) in the user's language. */
export function problemText(locale, problem) {
  const leaf = String(problem.field ?? '').replace(/^.*\./, '');
  const specific = `error.${leaf}.${problem.code}`;
  if (leaf && has(locale, specific)) return t(locale, specific, problem);
  if (problem.code === 'OUT_OF_RANGE') {
    const { min, max } = problem;
    if (min != null && max != null) return t(locale, 'error.OUT_OF_RANGE.between', { min, max });
    if (min != null) return t(locale, 'error.OUT_OF_RANGE.min', { min });
    if (max != null) return t(locale, 'error.OUT_OF_RANGE.max', { max });
  }
  if (problem.code === 'NOT_ONE_OF') {
    return t(locale, 'error.NOT_ONE_OF', { allowed: (problem.allowed ?? []).join(locale === 'zh-CN' ? '、' : ', ') });
  }
  if (problem.code === 'TOO_LONG' && problem.max != null) return t(locale, 'error.TOO_LONG.max', { max: problem.max });
  const key = `error.${problem.code}`;
  if (has(locale, key)) return t(locale, key);
  return t(locale, 'error.other', { message: problem.message ?? problem.code });
}
