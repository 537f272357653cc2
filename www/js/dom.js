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

/** Sets node's text, unless it already reads so (writing it again lays the node out again). */
export function writeText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * Makes parent's children what `replaceChildren(...children)` would make them, but keeps the
 * nodes already there wherever the new ones match them (same kind of node, same tag): their
 * attributes and text are brought to the new ones' and their children patched the same way,
 * so that only what changed is laid out and painted again. For results rebuilt at every
 * keystroke (a score's factor table, the terms compared): replacing every row made the
 * browser lay out and paint every table again. Only for static content built by `el`/`svg`:
 * a node's state beyond its attributes (a form field's value, an open `<details>` the user
 * toggled, listeners) is not carried over from the new node.
 */
export function patch(parent, ...children) {
  // Nodes of parent's own passed again: the walk never reuses one of them for another node.
  let again = null;
  for (const child of children) if (child instanceof Node && child.parentNode === parent) (again ??= new Set()).add(child);
  let old = parent.firstChild;
  for (const child of children) {
    if (child === null || child === undefined) continue;
    if (child === old) {
      old = old.nextSibling;
    } else if (child instanceof Node && child.parentNode !== null) {
      // A node already somewhere (in parent, or elsewhere) moves as it is, as with
      // replaceChildren: its content is never copied into another node.
      parent.insertBefore(child, old);
    } else {
      const node = child instanceof Node ? child : document.createTextNode(String(child));
      if (old !== null && again?.has(old)) parent.insertBefore(node, old);
      else old = patchNode(parent, old, node);
    }
  }
  removeFrom(old);
}

/** Makes `old` (or a node put before it) what `node` is; returns the node after it. */
function patchNode(parent, old, node) {
  const type = node.nodeType;
  if (old === null || old.nodeType !== type || (type === 1 && (old.localName !== node.localName || old.namespaceURI !== node.namespaceURI))) {
    parent.insertBefore(node, old);
    return old;
  }
  if (type === 1) {
    const attributes = node.attributes;
    for (let i = 0; i < attributes.length; i++) {
      const { name, value } = attributes[i];
      if (old.getAttribute(name) !== value) old.setAttribute(name, value);
    }
    if (old.attributes.length !== attributes.length) {
      for (const name of old.getAttributeNames()) if (!node.hasAttribute(name)) old.removeAttribute(name);
    }
    let mine = old.firstChild;
    let next = node.firstChild;
    while (next !== null) {
      const after = next.nextSibling; // before `next` may move into old
      mine = patchNode(old, mine, next);
      next = after;
    }
    removeFrom(mine);
  } else if (old.nodeValue !== node.nodeValue) {
    old.nodeValue = node.nodeValue;
  }
  return old.nextSibling;
}

/** Removes node and every sibling after it. */
function removeFrom(node) {
  while (node !== null) {
    const next = node.nextSibling;
    node.remove();
    node = next;
  }
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
