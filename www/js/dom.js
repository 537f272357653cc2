// DOM helpers every section of the page shares. Nodes are built with textContent and
// attributes only, never parsed from HTML, so data can never become markup.

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** An element with attributes (`text` sets its textContent; false/null/undefined are left out) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/**
 * Runs fn when the browser is idle (within 200 ms at the latest). For work a first result need
 * not wait for: country names, say, which take Intl.DisplayNames, whose first use on a page
 * loads the region data (13 ms of the cold start on our test machine).
 */
export function whenIdle(fn) {
  const later = globalThis.requestIdleCallback ?? ((f) => setTimeout(f, 0));
  later(() => fn(), { timeout: 200 });
}

/** Country names in this locale (Intl.DisplayNames), or null where the browser has none. */
export function regionNames(locale) {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' });
  } catch {
    return null;
  }
}

/** Each `<option data-country="DE">` under container named in this locale; the codes where there are no names. */
export function nameCountryOptions(container, locale) {
  const regions = regionNames(locale);
  for (const option of container?.querySelectorAll('option[data-country]') ?? []) {
    option.textContent = regions?.of(option.dataset.country) ?? option.dataset.country;
  }
}

/** An SVG element with attributes (widths are attributes: no style is ever set). */
export function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** Today in the browser's own calendar, YYYY-MM-DD. */
export function today() {
  const d = new Date();
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
