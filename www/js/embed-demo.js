// The demo intranet page's own script: it knows nothing of the calculator's insides, only
// the events every <credit-calculator> fires (they bubble to the document) and its
// properties. Everything shown is written with textContent.
const log = document.getElementById('event-log');
const set = (id, text) => {
  document.getElementById(id).textContent = text;
};

function note(text) {
  const item = document.createElement('li');
  item.textContent = text;
  log.prepend(item);
  while (log.children.length > 30) log.lastElementChild.remove();
}

document.addEventListener('credit-result', (e) => {
  const { section, result, policyVersion } = e.detail;
  const from = e.target.id;
  note(`${from} · credit-result · ${section}${policyVersion ? ` · policy ${policyVersion}` : ''}`);
  if (section === 'score') {
    set('crm-name', result.profile?.name || '—');
    set('crm-grade', `${result.grade} (${result.decision})`);
  } else if (section === 'limit') {
    const money = result.currency
      ? new Intl.NumberFormat('en', { style: 'currency', currency: result.currency }).format(result.recommended)
      : result.recommended;
    set('crm-limit', money);
  } else if (section === 'terms') {
    set('crm-terms', result.best);
  }
  if (policyVersion) set('crm-policy', policyVersion);
});

document.addEventListener('credit-error', (e) => {
  const { section, error } = e.detail;
  note(`${e.target.id} · credit-error · ${section} · ${error.code}${error.field ? ` at ${error.field}` : ''}`);
});
