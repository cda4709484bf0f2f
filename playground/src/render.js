// DOM for a lint response. Every string from the response goes in as text
// (textContent), never as HTML: a body is whatever someone pasted or
// linked, and its property names and values come back in messages.

// el makes an element with a class and children (strings become text).
export function el(tag, className, ...children) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  for (const c of children) e.append(c);
  return e;
}

// inline is text whose `backtick spans` are code, as emlint writes them.
export function inline(text) {
  const frag = document.createDocumentFragment();
  String(text)
    .split(/`([^`]*)`/)
    .forEach((part, i) => {
      if (i % 2) frag.append(el('code', '', part));
      else if (part) frag.append(part);
    });
  return frag;
}

const LANG_NAMES = {
  json: 'JSON',
  powershell: 'PowerShell',
  terraform: 'Terraform',
  http: '.http',
  markdown: 'Markdown',
};

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// shape is "v1.0 policy", or what of it is known.
export function shape(resp) {
  return [resp.api, resp.kind].filter(Boolean).join(' ');
}

// summary is the line above the findings: counts, shape and container.
export function summary(resp) {
  const c = resp.counts || {};
  const parts = [];
  if (resp.status === 'linted') {
    parts.push(`${plural(c.error || 0, 'error')}, ${plural(c.warning || 0, 'warning')}, ${c.info || 0} info`);
    if (shape(resp)) parts.push(shape(resp));
  } else {
    parts.push(resp.status);
  }
  const lang = LANG_NAMES[resp.lang] || resp.lang;
  if (lang) parts.push(resp.guessed ? `${lang} (guessed)` : lang);
  if (resp.bodies && resp.bodies.length > 1) parts.push(`${resp.bodies.length} bodies`);
  return parts.join(' · ');
}

// findingItem is one <li> of #findings. onGoto(finding) selects its span;
// onFix(finding) applies its fix.
export function findingItem(f, help, onGoto, onFix) {
  const li = el('li', `finding sev-${f.severity}`);
  li.dataset.rule = f.rule;
  li.dataset.line = f.line;
  li.dataset.column = f.column;
  li.dataset.severity = f.severity;

  const head = el(
    'button',
    'goto',
    el('span', 'pos', `${f.line}:${f.column}`),
    el('span', 'sev', f.severity),
    el('span', 'rule', f.rule),
    el('span', 'msg', inline(f.message)),
  );
  head.type = 'button';
  head.title = 'Show in the editor';
  head.addEventListener('click', () => onGoto(f));
  li.append(head);

  const tools = el('div', 'tools');
  if (f.fix && f.fix.edits && f.fix.edits.length) {
    const fix = el('button', 'fix', `Fix: ${f.fix.description}`);
    fix.type = 'button';
    fix.addEventListener('click', () => onFix(f));
    tools.append(fix);
  }
  if (help) {
    const details = el('details', 'help', el('summary', '', 'Help'), el('pre', '', help));
    tools.append(details);
  }
  if (tools.childNodes.length) li.append(tools);
  return li;
}

// bodyFacts is one <article> of #describe, with an empty .chart div for
// the caller to draw into. onGoto(line) shows the body in the editor.
export function bodyFacts(d, onGoto) {
  const art = el('article', 'body-facts');
  const title = el('h3', '', inline(d.title));
  if (d.line) {
    const at = el('button', 'line-link', `line ${d.line}`);
    at.type = 'button';
    at.addEventListener('click', () => onGoto(d.line));
    title.append(' ', at);
  }
  art.append(title);

  const tbody = el('tbody');
  for (const row of d.rows || []) {
    const td = el('td');
    for (const v of row.values || []) td.append(el('div', '', inline(v)));
    const th = el('th', '', row.label);
    th.scope = 'row';
    tbody.append(el('tr', '', th, td));
  }
  art.append(el('table', 'facts', tbody));

  if (d.chart) {
    const chart = el('div', 'chart');
    chart.dataset.source = d.chart;
    art.append(chart);
  }
  return art;
}
