// The deal-check page: the calculator is the <credit-calculator mode="deal" share-link>
// element; this script only keeps the page around it (title, language, masthead) in step
// with the element's language and marks the page ready when the score has answered.
import './credit-calculator.js';
// The deal check shows every section at once: imported here, they come with the page (in the
// bundle) instead of after the element asks for them.
import './score-view.js';
import './limit-view.js';
import './terms-view.js';
import './insurance-view.js';
import './overdue-view.js';
import './discount-view.js';
// The printed report's texts, registered up front: a print from the browser's menu builds the
// report in `beforeprint`, which the print does not wait for, so the report's Chinese texts
// come with the page's language instead of on the first print.
import './report-i18n.js';
import { loadLocale, t } from './i18n.js';
import { registerOffline } from './offline.js';

const calculator = document.querySelector('credit-calculator');

function translatePage(locale) {
  document.documentElement.lang = locale;
  document.title = `${t(locale, 'app.title')} · ${t(locale, 'app.dealCheck')}`;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(locale, node.dataset.i18n);
}

calculator.addEventListener('credit-locale', (e) => translatePage(e.detail.locale));
// Ready when the top section, the score, has answered (with a figure, or with a problem in
// what was typed): the answer a salesperson waits for. (`npm run bench` times the cold start
// to this mark.)
function markReady(e) {
  if (document.documentElement.dataset.ready || e.detail?.section !== 'score') return;
  performance.mark('first-result');
  document.documentElement.dataset.ready = 'true';
}
calculator.addEventListener('credit-result', markReady, { passive: true });
calculator.addEventListener('credit-error', markReady, { passive: true });
// The element's language, once its texts are in (a page in Chinese fetches them first).
customElements.whenDefined('credit-calculator')
  .then(() => loadLocale(calculator.locale).catch(() => {}))
  .then(() => translatePage(calculator.locale));
registerOffline();
