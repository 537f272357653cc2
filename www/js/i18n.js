// English and Simplified Chinese for every label, hint, sentence and error. Engine errors are
// translated by their stable code (and field, where a field needs its own wording); the
// engine's English message is the last resort.

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

  'discount.title': 'Early-payment discount',
  'discount.intro': 'What a discount such as “2/10 net 30” costs a buyer who pays at net instead, as a yearly rate.',
  'field.discountPercent': 'Discount (%)',
  'hint.discountPercent': 'For 2/10 net 30, enter 2.',
  'field.discountDays': 'Discount period (days)',
  'hint.discountDays': 'Pay within this many days to get the discount.',
  'field.netDays': 'Net period (days)',
  'hint.netDays': 'The full amount is due after this many days.',
  'field.dayBasis': 'Days in a year',
  'hint.dayBasis': 'Used for the simple yearly rate.',
  'dayBasis.365': '365 (actual year)',
  'dayBasis.360': '360 (banking year)',
  'field.invoiceAmount': 'Invoice amount (optional)',
  'hint.invoiceAmount': 'Shows the discount in money.',
  'field.currency': 'Currency',
  'field.invoiceDate': 'Invoice date (optional)',
  'hint.invoiceDate': 'Shows both due dates.',

  'terms.label': '{d}/{D} net {N}',
  'result.title': 'Result',
  'result.sentence': 'Skipping a {d} discount to pay {days} days later costs the buyer {simple} a year ({effective} compounded).',
  'result.sentenceNoEffective': 'Skipping a {d} discount to pay {days} days later costs the buyer {simple} a year.',
  'result.advice': 'Buyers whose money costs less than {simple} a year should take the discount.',
  'result.simple': 'Simple yearly rate',
  'result.effective': 'Effective yearly rate (compounded)',
  'result.effectiveTooLarge': 'too large to express',
  'result.how': 'How it is worked out',
  'result.howSimple': '{d} ÷ (100% − {d}) × {basis} ÷ {days} days = {simple}',
  'result.howEffective': '(1 + {period})^(365 ÷ {days}) − 1 = {effective}',
  'result.discountAmount': 'Discount',
  'result.amountIfDiscounted': 'Payable with the discount',
  'result.discountDueDate': 'Pay by, for the discount',
  'result.netDueDate': 'Net due date',
  'result.fix': 'Correct the marked field to see the result.',

  'error.REQUIRED': 'Required.',
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

  'discount.title': '提前付款折扣',
  'discount.intro': '像“2/10，n/30”这样的折扣：买方放弃折扣、到期才付全款，相当于承担多高的年化资金成本。',
  'field.discountPercent': '折扣（%）',
  'hint.discountPercent': '“2/10，n/30”请输入 2。',
  'field.discountDays': '折扣期（天）',
  'hint.discountDays': '在此天数内付款可享受折扣。',
  'field.netDays': '信用期（天）',
  'hint.netDays': '全款在此天数后到期。',
  'field.dayBasis': '一年天数',
  'hint.dayBasis': '用于计算单利年化利率。',
  'dayBasis.365': '365（实际年）',
  'dayBasis.360': '360（银行年）',
  'field.invoiceAmount': '发票金额（选填）',
  'hint.invoiceAmount': '显示折扣金额。',
  'field.currency': '币种',
  'field.invoiceDate': '开票日期（选填）',
  'hint.invoiceDate': '显示两个付款到期日。',

  'terms.label': '{D}天内付款折扣{d}，{N}天内付全款',
  'result.title': '结果',
  'result.sentence': '放弃 {d} 的折扣、晚 {days} 天付款，相当于买方承担年化 {simple}（单利）、复利 {effective} 的资金成本。',
  'result.sentenceNoEffective': '放弃 {d} 的折扣、晚 {days} 天付款，相当于买方承担年化 {simple}（单利）的资金成本。',
  'result.advice': '资金成本低于年化 {simple} 的买方，应当选择享受折扣。',
  'result.simple': '单利年化利率',
  'result.effective': '实际年化利率（复利）',
  'result.effectiveTooLarge': '过大，无法表示',
  'result.how': '计算过程',
  'result.howSimple': '{d} ÷（100% − {d}）× {basis} ÷ {days} 天 = {simple}',
  'result.howEffective': '（1 + {period}）^（365 ÷ {days}）− 1 = {effective}',
  'result.discountAmount': '折扣金额',
  'result.amountIfDiscounted': '享受折扣后应付',
  'result.discountDueDate': '享受折扣的付款截止日',
  'result.netDueDate': '全款到期日',
  'result.fix': '请更正标出的字段以查看结果。',

  'error.REQUIRED': '此项必填。',
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
};

export const messages = { en, 'zh-CN': zh };

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
  const key = `error.${problem.code}`;
  if (has(locale, key)) return t(locale, key);
  return t(locale, 'error.other', { message: problem.message ?? problem.code });
}
