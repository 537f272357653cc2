// The sections' start functions, by section name. Each *-view.js registers its own when it is
// evaluated; <credit-calculator> takes a registered one and imports the module only for a
// section nobody has loaded yet. Why: a page (and its bundle in www/app/, see
// scripts/build.mjs) imports the sections it shows with itself, so they arrive in the same
// download instead of one request each after the element asks for them; the element alone
// (www/js/credit-calculator.js) still loads each mode's sections on demand.
const views = new Map();

export function registerView(name, start) {
  views.set(name, start);
}

export function registeredView(name) {
  return views.get(name) ?? null;
}
