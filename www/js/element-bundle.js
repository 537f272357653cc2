// The entry of www/app/credit-calculator.js (scripts/build.mjs): the element with every
// section, for intranet pages, which may set any mode. Their page then loads two scripts, the
// element and the engine's loader, instead of one per section.
import './score-view.js';
import './limit-view.js';
import './terms-view.js';
import './insurance-view.js';
import './overdue-view.js';
import './discount-view.js';
import './report-i18n.js'; // the report's texts up front, as in app.js: a menu print cannot wait
import './quote-view.js';
import './portfolio-view.js';

export * from './credit-calculator.js';
