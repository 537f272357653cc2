// Simplified Chinese for letter-i18n.js, which loads this file the first time the page shows
// zh-CN (loadLocale in i18n.js): a page in English never downloads it.
export default {
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
