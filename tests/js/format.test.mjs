// The amounts in the engine's sentences, grouped for reading out (www/js/format.js), and
// what must be left alone: dates, versions, references, codes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupAmounts, localized } from '../../www/js/format.js';

test('amounts in a sentence get the locale grouping, with the same digits', () => {
  assert.equal(groupAmounts('Sales of 1825000 a year × (30 days of terms + 0 days late) / 365 + 10000 of open orders', 'en'),
    'Sales of 1,825,000 a year × (30 days of terms + 0 days late) / 365 + 10,000 of open orders');
  assert.equal(groupAmounts('年销售额 1825000 ×（信用期 30 天）；共10000元', 'zh-CN'), '年销售额 1,825,000 ×（信用期 30 天）；共10,000元');
  assert.equal(groupAmounts('Approve: 50000 is within the headroom of 90000.', 'en'), 'Approve: 50,000 is within the headroom of 90,000.');
  assert.equal(groupAmounts('a headroom of -15000.00 CNY; 11111.11 CNY; 10000.5; 5787.18 EUR', 'en'), 'a headroom of -15,000.00 CNY; 11,111.11 CNY; 10,000.5; 5,787.18 EUR');
  assert.equal(groupAmounts('12000000.50 EUR', 'zh-CN'), '12,000,000.50 EUR');
});

test('in a locale whose decimal mark is not a point, the text stays as the engine wrote it', () => {
  // Else 950.5 (left alone) would read as 9,505 beside 1.140,6 (grouped).
  const text = 'about 950.5 a year (range 760.4 to 1140.6), 1130.5 with fees';
  assert.equal(groupAmounts(text, 'de'), text);
  assert.equal(groupAmounts(text, 'fr'), text);
});

test('numbers that are part of something else are left as they are', () => {
  for (const text of ['on 2025-02-03: due', 'Directive 2011/7/EU', 'policy 2026.11.1', 'INV-10000', 'A12345', '12:34567', '999 days',
    'the Late Payment of Commercial Debts (Interest) Act 1998', '英国《1998 年商业债务逾期付款（利息）法》', 'a fee of 5000 EUR',
    'account 0012345', '00000.50 EUR', 'ref #123456', '+8613812345678', '第12345号']) {
    assert.equal(groupAmounts(text, 'en'), text);
  }
});

test('localized picks the language, then English, and groups', () => {
  assert.equal(localized({ en: 'a 10000 b', 'zh-CN': '甲 10000 乙' }, 'zh-CN'), '甲 10,000 乙');
  assert.equal(localized({ en: 'a 10000 b' }, 'zh-CN'), 'a 10,000 b');
  assert.equal(localized(null, 'en'), '');
});
