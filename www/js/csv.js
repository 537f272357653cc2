// One cell of the CSV files the portfolio exports (its results, in the worker; its problems,
// on the page).

/**
 * A text cell as CSV: quoted where it must be, and one that a spreadsheet would take for a
 * formula (=, +, -, @, a tab or a return first: a customer's name from an uploaded list could
 * be `=HYPERLINK(…)`) kept as text by a leading apostrophe, as OWASP advises.
 */
export function csvCell(text) {
  const v = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
