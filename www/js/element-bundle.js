// The entry of www/app/credit-calculator.js (scripts/build.mjs): the element with every
// section, for intranet pages, which may set any mode. Their page then loads two scripts, the
// element and the engine's loader, instead of one per section.
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
import './quote-view.js';

export * from './credit-calculator.js';
