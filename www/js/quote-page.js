// The public quote page: the calculator is <credit-calculator mode="quote">; this script only
// keeps the page around it (title, language, masthead) in step with the element's language
// and marks the page ready when the calculator has first answered.
import './credit-calculator.js';
import './quote-view.js'; // the page's one section: it comes with the page, not after the element asks
import { loadLocale } from './i18n.js';
import { qt } from './quote-i18n.js';
import { registerOffline } from './offline.js';

const calculator = document.querySelector('credit-calculator');

function translatePage(locale) {
  document.documentElement.lang = locale;
  document.title = qt(locale, 'page.title');
  for (const node of document.querySelectorAll('[data-q]')) node.textContent = qt(locale, node.dataset.q);
}

// A fresh page's first answer is the prompt for the turnover (the engine's REQUIRED problem),
// not a figure: that is as ready as the page gets until the prospect types.
function markReady(e) {
  if (document.documentElement.dataset.ready || e.detail?.section !== 'quote') return;
  performance.mark('first-result');
  document.documentElement.dataset.ready = 'true';
}

calculator.addEventListener('credit-locale', (e) => translatePage(e.detail.locale));
calculator.addEventListener('credit-result', markReady, { passive: true });
calculator.addEventListener('credit-error', markReady, { passive: true });
// The element's language, once its texts are in (a page in Chinese fetches them first).
customElements.whenDefined('credit-calculator')
  .then(() => loadLocale(calculator.locale).catch(() => {}))
  .then(() => translatePage(calculator.locale));
registerOffline();
