// "Copy summary": a few plain-text lines a salesperson pastes into an e-mail or a CRM note,
// in the page's language, from the latest result of each section. Figures are the engine's
// decimal strings formatted with Intl; nothing is computed here.
import * as fmt from './format.js';
import { has, t } from './i18n.js';
import './i18n-sections.js'; // the sections' texts

const pick = (entry) => (entry?.outcome?.ok ? entry.outcome.value : null);
const label = (locale, key, fallback) => (has(locale, key) ? t(locale, key) : fallback);

/** The summary text; `policyLabel` names the credit policy in use. */
export function buildSummary(latest, locale, policyLabel) {
  const lines = [];
  const score = pick(latest.score);
  const limit = pick(latest.limit);
  const terms = pick(latest.terms);
  const insurance = pick(latest.insurance);
  const overdue = pick(latest.overdue);
  const discount = pick(latest.discount);
  const name = score?.profile?.name || latest.score?.input?.customer?.name || t(locale, 'summary.unnamed');
  const asOf = score?.asOf ?? limit?.asOf ?? overdue?.asOf ?? null;
  lines.push(t(locale, 'summary.head', { name, date: asOf ? fmt.date(asOf, locale) : '—' }));
  if (score) {
    lines.push(t(locale, 'summary.score', {
      score: fmt.number(score.score, locale, 0),
      grade: score.grade,
      pd: fmt.percentUpTo(score.pd, locale, 2),
      decision: label(locale, `decision.${score.decision}`, score.decision),
    }));
    const reasons = (score.reasons ?? []).slice(0, 3).map((r) => fmt.localized(r.text, locale)).filter(Boolean);
    if (reasons.length) lines.push(t(locale, 'summary.reasons', { reasons: reasons.join(t(locale, 'summary.sep')) }));
  }
  if (limit) {
    const money = (a) => fmt.money(a, limit.currency, locale);
    lines.push(t(locale, 'summary.limit', {
      limit: money(limit.recommended),
      method: label(locale, `limit.method.${limit.bindingMethod}`, limit.bindingMethod),
      headroom: money(limit.headroom),
    }));
    if (limit.request) {
      lines.push(t(locale, 'summary.request', {
        amount: money(limit.request.amount),
        decision: fmt.localized(limit.request.text, locale),
      }));
    }
  }
  if (terms) {
    const best = terms.options.find((o) => o.label === terms.best) ?? terms.options[0];
    if (best) {
      const money = (a) => fmt.money(a, terms.currency, locale);
      lines.push(t(locale, 'summary.terms', {
        option: fmt.localized(best.description, locale) || best.label,
        days: fmt.number(best.daysOutstanding, locale, 1),
        cost: money(best.totalCost),
      }));
    }
  }
  if (insurance?.premium) {
    const p = insurance.premium;
    const money = (a) => fmt.money(a, p.currency, locale);
    lines.push(t(locale, 'summary.insurance', {
      premium: money(p.totalAnnualCost),
      low: money(p.premiumLow),
      high: money(p.premiumHigh),
      payout: money(insurance.claim?.payout),
    }));
  }
  if (overdue && overdue.overdueTotal !== undefined) {
    const money = (a) => fmt.money(a, overdue.currency, locale);
    const next = (overdue.ladder ?? []).find((s) => s.status === 'due') ?? (overdue.ladder ?? [])[0];
    lines.push(t(locale, 'summary.overdue', {
      amount: money(overdue.overdueTotal),
      claim: money(overdue.claimableNow?.total),
      step: next ? label(locale, `od.action.${next.action}`, next.action) : '—',
      date: next ? fmt.date(next.date, locale) : '—',
    }));
  }
  if (discount && latest.discount?.input) {
    lines.push(t(locale, 'summary.discount', {
      terms: `${latest.discount.input.discountPercent ?? ''}/${discount.discountDays} net ${discount.netDays}`,
      rate: fmt.percent(discount.simpleAnnualRate, locale),
    }));
  }
  lines.push(t(locale, 'summary.footer', { policy: policyLabel }));
  return lines.join('\n');
}
