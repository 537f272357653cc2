// The printed reminder letter's own words (js/letter.js) and the overdue section's words for
// it (the "Print letter" buttons, the customer-name hint), in English and Simplified Chinese.
// What the screen already says (the step names, the invoice columns) comes from i18n.js, so
// the letter and the ladder name things alike; only what the letter alone says is here.
// Square brackets mark what the credit controller fills in before sending.

const en = {
  print: 'Print letter',
  'print.named': 'Print letter: {step}',
  'hint.name': 'Used in the reminder letters. Empty: the customer name of the score section.',

  sender: '[Your company]',
  'sender.address': '[Address, telephone, e-mail]',
  'recipient.address': '[Customer’s address]',
  'subject.reminder': 'Friendly reminder: overdue invoices',
  'subject.formalLetter': 'Formal payment demand: overdue invoices',
  'subject.finalNotice': 'Final notice: overdue invoices',
  'subject.stopCredit': 'Credit stopped and deliveries held: overdue invoices',
  'subject.agencyOrLegal': 'Collection proceedings: overdue invoices',
  subject: '{step}: overdue invoices',
  salutation: 'Dear {name},',
  'salutation.none': 'Dear customer,',

  'body.reminder': 'According to our records, the invoices listed below are past their due date. This may well be an oversight: please arrange payment of the total below within the next few days. If you have paid in the meantime, please disregard this letter.',
  'body.formalLetter': 'Despite our reminder, the invoices listed below are still unpaid. We formally ask you to pay the total below without further delay.',
  'body.finalNotice': 'This is our final notice. Despite our earlier letters, the invoices listed below are still unpaid. The total below now includes the statutory interest for late payment and the fixed compensation for our recovery costs. Unless it reaches us promptly, we will take further steps without further notice.',
  'body.stopCredit': 'As the invoices listed below are still unpaid, we have stopped further credit on your account and are holding deliveries until the total below has been paid.',
  'body.agencyOrLegal': 'As the invoices listed below are still unpaid despite our letters, we are passing the matter to a collection agency or to court. To avoid further costs, please pay the total below at once.',
  body: 'The invoices listed below are past their due date. Please pay the total below.',
  figures: 'In short: {figures}',

  caption: 'Invoices claimed on {date}',
  'col.outstanding': 'Outstanding',
  'total.principal': 'Principal outstanding',
  'total.interest': 'Interest for late payment to {date}',
  'total.compensation': 'Fixed compensation for recovery costs',
  'total.total': 'Total due',

  legal: 'Legal basis: {basis}',
  pay: 'Please pay {total} to the account below, quoting the invoice numbers:',
  bank: '[bank details]',
  questions: 'If you dispute any of these invoices, or cannot pay in full, please contact us at once so that we can agree on a way forward.',
  closing: 'Yours sincerely,',
  'closing.2': '',
  signature: '[Name, credit control]',
  footer: 'Figures as of {asOf} · credit policy {version}',
};

const zh = {
  print: '打印催款函',
  'print.named': '打印催款函：{step}',
  'hint.name': '用于催款函。留空则使用评分部分的客户名称。',

  sender: '[贵司名称]',
  'sender.address': '[地址、电话、电子邮箱]',
  'recipient.address': '[客户地址]',
  'subject.reminder': '友好提醒：逾期发票',
  'subject.formalLetter': '正式催款函：逾期发票',
  'subject.finalNotice': '最后通知：逾期发票',
  'subject.stopCredit': '停止赊销并暂停发货：逾期发票',
  'subject.agencyOrLegal': '移交催收或诉讼：逾期发票',
  subject: '{step}：逾期发票',
  salutation: '尊敬的{name}：',
  'salutation.none': '尊敬的客户：',

  'body.reminder': '根据我方记录，下列发票已超过付款期限。这或许只是疏忽，烦请于近日内支付下列合计金额。如贵方已经付款，请忽略本函。',
  'body.formalLetter': '我方已发出提醒，但下列发票仍未支付。现正式要求贵方立即支付下列合计金额。',
  'body.finalNotice': '本函为最后通知。尽管我方此前已多次致函，下列发票仍未支付。下列合计金额现已包含逾期付款的法定利息及追偿费用的固定补偿。如未能尽快收到款项，我方将不再另行通知而采取进一步措施。',
  'body.stopCredit': '由于下列发票仍未支付，我方已停止对贵方的赊销，并将暂停发货，直至下列合计金额付清为止。',
  'body.agencyOrLegal': '尽管我方已多次致函，下列发票仍未支付，我方现将此事移交催收机构或诉诸法院。为避免产生更多费用，请立即支付下列合计金额。',
  body: '下列发票已超过付款期限，请支付下列合计金额。',
  figures: '要点：{figures}',

  caption: '截至 {date} 主张的发票',
  'col.outstanding': '未付金额',
  'total.principal': '未付本金',
  'total.interest': '截至 {date} 的逾期利息',
  'total.compensation': '追偿费用的固定补偿',
  'total.total': '应付合计',

  legal: '法律依据：{basis}',
  pay: '请将 {total} 汇入以下账户，并注明发票号：',
  bank: '[银行账户信息]',
  questions: '如贵方对上述发票有异议，或无法全额付款，请立即与我方联系，以便商定解决办法。',
  closing: '此致',
  'closing.2': '敬礼！',
  signature: '[姓名，信用管理部]',
  footer: '数据截至 {asOf} · 信用政策 {version}',
};

export const letterMessages = { en, 'zh-CN': zh };

/** A letter string in the locale (English when the locale lacks it), with {vars} filled in. */
export function lt(locale, key, vars = {}) {
  const template = letterMessages[locale]?.[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** Whether the letter has its own words for this key (a policy may name steps of its own). */
export function hasLetterText(locale, key) {
  return key in (letterMessages[locale] ?? en) || key in en;
}
