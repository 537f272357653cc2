// The portfolio page: <credit-calculator mode="portfolio"> (www/js/portfolio-view.js) on a
// page of its own. This script only keeps the page around it (title, language, masthead) in
// step with the element's language and marks the page ready once the section is.
import './credit-calculator.js';
// Imported here, the section comes with the page (in its bundle) instead of after the element
// asks for it.
import './portfolio-view.js';
import { pt } from './portfolio-i18n.js';
import { registerOffline } from './offline.js';

const calculator = document.querySelector('credit-calculator');

function translatePage(locale) {
  document.documentElement.lang = locale;
  document.title = pt(locale, 'page.title');
  for (const node of document.querySelectorAll('[data-p]')) node.textContent = pt(locale, node.dataset.p);
}

calculator.addEventListener('credit-locale', (e) => translatePage(e.detail.locale));
// Ready when the section is (the element marks itself; its first `credit-result` comes only
// after a run).
const markReady = (observer) => {
  if (calculator.dataset.ready !== 'true') return;
  observer?.disconnect();
  document.documentElement.dataset.ready = 'true';
};
new MutationObserver((_, observer) => markReady(observer)).observe(calculator, { attributes: true, attributeFilter: ['data-ready'] });
markReady(null);
customElements.whenDefined('credit-calculator').then(() => translatePage(calculator.locale));
// The skip link goes into the element, to the list (a page address cannot point inside it).
document.getElementById('skip-to-list').addEventListener('click', (e) => {
  const list = calculator.shadowRoot?.getElementById('list');
  if (!list) return;
  e.preventDefault();
  list.focus();
});
registerOffline();
