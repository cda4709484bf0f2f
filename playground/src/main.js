// The emlint playground: a CodeMirror editor whose text emlint, compiled to
// WebAssembly (globalThis.emlint, set by emlint.wasm when Go runs it),
// lints as the user types. The state is in the URL fragment (fragment.js);
// nothing leaves the page.

import { EditorView, basicSetup } from 'codemirror';
import { Annotation, ChangeSet, Compartment, EditorSelection, EditorState } from '@codemirror/state';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { LanguageDescription, StreamLanguage } from '@codemirror/language';
import { json } from '@codemirror/lang-json';
import { markdown } from '@codemirror/lang-markdown';
import { powerShell } from '@codemirror/legacy-modes/mode/powershell';
import { http } from '@codemirror/legacy-modes/mode/http';
import { oneDark } from '@codemirror/theme-one-dark';
import { LANGS, formatFragment, parseFragment } from './fragment.js';
import { bodyFacts, el, findingItem, inline, shape, summary } from './render.js';

// Start on the linter first: it is the big download, and the editor is
// built while it compiles.
const linterReady = loadLinter();

const $ = (id) => document.getElementById(id);
const controls = { lang: $('lang'), api: $('api'), kind: $('kind') };
const findingsList = $('findings');
const describePanel = $('describe');
const dark = window.matchMedia('(prefers-color-scheme: dark)');

// A bad examples.js (or none) leaves the menu empty, not the page broken.
const examples = (Array.isArray(globalThis.EMLINT_EXAMPLES) ? globalThis.EMLINT_EXAMPLES : []).filter(
  (e) => e && typeof e.text === 'string',
);

// Shown when the fragment holds no body and there is no example.
const SAMPLE = {
  lang: 'json',
  text: `{
  "displayName": "Contractors",
  "description": "Contractors ask for access; their manager approves",
  "accessPackage": { "id": "a8a5f1c3-2e4b-4d6f-9a1c-3e5b7d9f1a2c" },
  "allowedTargetScope": "allMemberUser",
  "durationInDays": 30,
  "requestApprovalSettings": {
    "isApprovalRequiredForAdd": true,
    "stages": []
  }
}
`,
};

let linter = null; // globalThis.emlint once the wasm runs
let first = true; // the first lint sets data-state and data-first-findings-ms
let share = false; // write the fragment: false until the user acts, so an empty fragment stays empty
let timer = 0;
let lastDescribe = '';
// Changes since the last lint: findings and fixes hold offsets into the
// linted text, mapped through these to the editor's text.
let sinceLint = ChangeSet.empty(0);

// Programmatic loads (a link, the sample) carry this; typing does not.
const fromPage = Annotation.define();
const language = new Compartment();
const theme = new Compartment();
let currentLang = null;

function languageFor(lang) {
  switch (lang) {
    case 'json':
      return json();
    case 'powershell':
      return StreamLanguage.define(powerShell);
    case 'http':
      return StreamLanguage.define(http);
    case 'markdown':
      // README fences are highlighted as what they hold.
      return markdown({
        codeLanguages: [
          LanguageDescription.of({ name: 'JSON', alias: ['json', 'jsonc'], support: json() }),
          LanguageDescription.of({
            name: 'PowerShell',
            alias: ['powershell', 'ps1', 'pwsh'],
            load: async () => StreamLanguage.define(powerShell),
          }),
        ],
      });
    default:
      return []; // Terraform: plain text
  }
}

// ---- the editor ----

const initial = parseFragment(location.hash);
const fromLink = initial.body !== null;
const start = fromLink ? { text: initial.body, lang: initial.lang } : examples[0] || SAMPLE;
setControls({ lang: LANGS.includes(start.lang) ? start.lang : '', api: initial.api, kind: initial.kind });
share = fromLink && !initial.error;
if (initial.error) notice(initial.error);
// Until the first lint tells the container of an Auto text, JSON.
currentLang = controls.lang.value || 'json';

const view = new EditorView({
  parent: $('editor'),
  state: EditorState.create({
    doc: start.text,
    extensions: [
      basicSetup,
      lintGutter(),
      language.of(languageFor(currentLang)),
      theme.of(dark.matches ? oneDark : []),
      EditorView.contentAttributes.of({ 'aria-label': 'Text to lint' }),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        sinceLint = sinceLint.compose(u.changes);
        if (!u.transactions.some((tr) => tr.annotation(fromPage))) userActed();
        clearTimeout(timer);
        timer = setTimeout(lintNow, 150);
      }),
    ],
  }),
});
sinceLint = ChangeSet.empty(view.state.doc.length);
// While the linter compiles the page is idle: draw a finding once and take
// it away (before any paint), so that the first real findings do not pay
// for the lint extension's first run, about a tenth of a second here.
view.dispatch(setDiagnostics(view.state, [{ from: 0, to: Math.min(1, view.state.doc.length), severity: 'info', message: '' }]));
view.dispatch(setDiagnostics(view.state, []));

dark.addEventListener('change', () => {
  view.dispatch({ effects: theme.reconfigure(dark.matches ? oneDark : []) });
  chartsTheme();
});

function setLanguage(lang) {
  if (lang === currentLang || !LANGS.includes(lang)) return;
  currentLang = lang;
  view.dispatch({ effects: language.reconfigure(languageFor(lang)) });
}

// load replaces the editor's text without counting as an edit.
function load(text) {
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    selection: { anchor: 0 },
    scrollIntoView: true,
    annotations: fromPage.of(true),
  });
}

function setControls({ lang, api, kind }) {
  controls.lang.value = lang || '';
  controls.api.value = api || '';
  controls.kind.value = kind || '';
}

function userActed() {
  if (!share) notice('');
  share = true;
}

// ---- the linter ----

async function loadLinter() {
  if (typeof Go !== 'function') throw new Error('wasm_exec.js did not load');
  if (!globalThis.emlintLoading) throw new Error('index.html did not start loading emlint.wasm');
  const { go, instance } = await globalThis.emlintLoading;
  go.run(instance); // sets globalThis.emlint before it returns; never resolves while the page lives
  const em = globalThis.emlint;
  if (!em || typeof em.lint !== 'function') throw new Error('emlint.wasm did not set globalThis.emlint');
  performance.mark('emlint:ready');
  return em;
}

linterReady.then(
  (em) => {
    linter = em;
    $('version').textContent = em.version || '';
    lintNow();
  },
  (err) => fail(`The linter could not be loaded: ${err.message}.`),
);

function lintNow() {
  clearTimeout(timer);
  timer = 0;
  if (!linter) return; // the wasm's arrival lints whatever is there then
  const doc = view.state.doc;
  const text = doc.toString();
  const request = { text, lang: controls.lang.value, api: controls.api.value, kind: controls.kind.value };
  let resp;
  try {
    resp = JSON.parse(linter.lint(JSON.stringify(request)));
  } catch (err) {
    // A Go panic ends the program; every later call throws.
    fail(`The linter stopped: ${err.message}. Reload the page.`);
    return;
  }
  sinceLint = ChangeSet.empty(doc.length);
  if (LANGS.includes(resp.lang)) setLanguage(resp.lang);
  showDiagnostics(resp, doc.length);
  showResult(resp, text);
  if (share) writeFragment(text);
  if (first) {
    first = false;
    document.body.dataset.state = 'linted';
    performance.mark('emlint:first-findings');
    document.body.dataset.firstFindingsMs = String(Math.round(performance.now()));
    // Then the rest of the page's own files, charts or not, so that nothing
    // is fetched later, while the user works.
    setTimeout(() => waitForMermaid().catch(() => {}), 0);
  }
}

function fail(message) {
  linter = null;
  document.body.dataset.state = 'error';
  notice(message);
  $('summary').textContent = '';
  $('status-message').hidden = true;
  findingsList.replaceChildren();
}

function notice(message) {
  $('notice').textContent = message;
  $('notice').hidden = !message;
}

// ---- results ----

function showDiagnostics(resp, length) {
  const clamp = (n) => Math.max(0, Math.min(n, length));
  const diagnostics = resp.findings.map((f) => ({
    from: clamp(f.from),
    to: clamp(f.to),
    severity: f.severity,
    source: f.rule,
    message: f.message,
    renderMessage: () => el('span', '', inline(f.message)),
    actions: f.fix ? [{ name: `Fix: ${f.fix.description}`, apply: () => applyFix(f) }] : [],
  }));
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

function showResult(resp, text) {
  Object.assign(findingsList.dataset, {
    count: resp.findings ? resp.findings.length : 0,
    lang: resp.lang || '',
    api: resp.api || '',
    kind: resp.kind || '',
    status: resp.error ? 'error' : resp.status || '',
  });

  let message = '';
  if (resp.error) message = `The linter could not read the request: ${resp.error}`;
  else if (!text.trim()) message = 'The editor is empty: paste a policy or request body, a script or a README, or pick an example.';
  else if (resp.status === 'skipped') message = `Not linted: ${resp.reason || 'not an entitlement-management body'}.`;
  else if (resp.status === 'error') message = `Could not lint it: ${resp.reason}`;
  else if (!resp.findings.length) message = shape(resp) ? `No problems found in this ${shape(resp)}.` : 'No problems found.';
  const msg = $('status-message');
  msg.textContent = message;
  msg.className = `status-message status-${resp.error ? 'error' : resp.status}`;
  msg.hidden = !message;

  $('summary').textContent = resp.error ? 'error' : summary(resp);
  $('summary-reason').textContent = resp.status === 'linted' && resp.reason ? resp.reason : '';

  findingsList.replaceChildren(
    ...(resp.findings || []).map((f) => findingItem(f, resp.help && resp.help[f.rule], gotoFinding, applyFix)),
  );
  showDescribe(resp.describe || []);
}

function gotoFinding(f) {
  const len = view.state.doc.length;
  const from = Math.min(sinceLint.mapPos(f.from, 1), len);
  const to = Math.max(from, Math.min(sinceLint.mapPos(f.to, -1), len));
  view.dispatch({
    selection: EditorSelection.single(from, to),
    effects: EditorView.scrollIntoView(from, { y: 'center' }),
  });
  view.focus();
}

function gotoLine(n) {
  const line = view.state.doc.line(Math.max(1, Math.min(n, view.state.doc.lines)));
  view.dispatch({ selection: { anchor: line.from }, effects: EditorView.scrollIntoView(line.from, { y: 'start' }) });
  view.focus();
}

// applyFix applies all of a fix's edits in one transaction (one undo
// step); they are offsets into the linted text, so all map together.
function applyFix(f) {
  const changes = f.fix.edits.map((e) => ({
    from: sinceLint.mapPos(e.from, 1),
    to: Math.max(sinceLint.mapPos(e.from, 1), sinceLint.mapPos(e.to, -1)),
    insert: e.insert,
  }));
  view.dispatch({ changes, userEvent: 'input.fix' });
  userActed();
  lintNow();
  view.focus();
}

// ---- describe and its charts ----

function showDescribe(described) {
  // The same facts as last time: leave the panel, and its pictures, be.
  const key = JSON.stringify(described);
  if (key === lastDescribe) return;
  lastDescribe = key;
  describePanel.replaceChildren();
  if (!described.length) return;
  describePanel.append(el('h2', '', 'Describe: what each body does'));
  for (const d of described) describePanel.append(bodyFacts(d, gotoLine));
  drawCharts();
}

// SVGs by chart source, so a lint that changes a fact but not the chart
// does not draw it again.
const svgs = new Map();
let chartSeq = 0;
let mermaidReady = null;

function waitForMermaid() {
  mermaidReady ||= new Promise((resolve, reject) => {
    // The charts' library is the page's last download: 3.5 MB of script
    // whose parsing, on a small machine, would compete with compiling the
    // linter and hold up the first findings by a third of a second.
    if (window.mermaid) return resolve(window.mermaid);
    const script = document.createElement('script');
    script.src = 'mermaid.min.js';
    script.addEventListener('load', () => (window.mermaid ? resolve(window.mermaid) : reject(new Error('mermaid.min.js did not define mermaid'))));
    script.addEventListener('error', () => reject(new Error('mermaid.min.js did not load')));
    document.head.append(script);
  }).then((mermaid) => {
    initMermaid(mermaid);
    return mermaid;
  });
  return mermaidReady;
}

function initMermaid(mermaid) {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark.matches ? 'dark' : 'default' });
}

function chartsTheme() {
  if (!window.mermaid || !mermaidReady) return;
  initMermaid(window.mermaid);
  svgs.clear();
  for (const div of describePanel.querySelectorAll('.chart')) delete div.dataset.rendered;
  drawCharts();
}

async function drawCharts() {
  const divs = [...describePanel.querySelectorAll('.chart:not([data-rendered])')];
  if (!divs.length) return;
  for (const div of divs) {
    if (svgs.has(div.dataset.source)) put(div, svgs.get(div.dataset.source));
    else if (!div.childNodes.length) div.append(el('p', 'chart-pending', 'Drawing the chart…'));
  }
  const todo = divs.filter((d) => !d.dataset.rendered);
  if (!todo.length) return;
  let mermaid;
  try {
    mermaid = await waitForMermaid();
  } catch (err) {
    for (const div of todo) div.replaceChildren(el('p', 'chart-pending', `No chart: ${err.message}.`));
    return;
  }
  if (svgs.size > 100) svgs.clear();
  for (const div of todo) {
    if (!div.isConnected || div.dataset.rendered) continue; // a later lint replaced it
    const source = div.dataset.source;
    if (!svgs.has(source)) {
      const id = `emlint-chart-${++chartSeq}`;
      try {
        svgs.set(source, (await mermaid.render(id, source)).svg);
      } catch (err) {
        document.getElementById(`d${id}`)?.remove(); // mermaid's scratch element, left on errors
        div.replaceChildren(el('p', 'chart-pending', `The chart could not be drawn: ${err.message || err}`));
        continue;
      }
    }
    if (div.isConnected) put(div, svgs.get(source));
  }
}

function put(div, svg) {
  div.innerHTML = svg; // mermaid's own SVG, sanitized by it (securityLevel strict)
  div.dataset.rendered = 'true';
}

// ---- controls, examples, links ----

for (const select of Object.values(controls)) {
  select.addEventListener('change', () => {
    userActed();
    lintNow();
  });
}

const examplesMenu = $('examples');
examples.forEach((e, i) => examplesMenu.append(new Option(e.title || `Example ${i + 1}`, String(i))));
examplesMenu.disabled = !examples.length;
examplesMenu.addEventListener('change', () => {
  const e = examples[Number(examplesMenu.value)];
  examplesMenu.value = '';
  if (!e) return;
  setControls({ lang: LANGS.includes(e.lang) ? e.lang : '' });
  load(e.text);
  userActed();
  lintNow();
});

// A pasted link in the same tab changes only the fragment.
window.addEventListener('hashchange', () => {
  const state = parseFragment(location.hash);
  if (state.body === null) return; // not one of ours (or emptied by hand): keep the text
  setControls(state);
  load(state.body);
  share = !state.error;
  notice(state.error);
  lintNow();
});

function writeFragment(text) {
  const fragment = formatFragment({ body: text, lang: controls.lang.value, api: controls.api.value, kind: controls.kind.value });
  if (location.hash.slice(1) === fragment) return;
  try {
    // replaceState: typing should not fill the history, nor fire hashchange.
    history.replaceState(history.state, '', `#${fragment}`);
  } catch {
    // Some embeddings forbid it; the page works without.
  }
}

let copyTimer = 0;
$('copy-link').addEventListener('click', async () => {
  userActed();
  writeFragment(view.state.doc.toString());
  const status = $('copy-status');
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = 'copied';
  } catch {
    status.textContent = 'could not copy: copy the address bar';
  }
  clearTimeout(copyTimer);
  copyTimer = setTimeout(() => (status.textContent = ''), 2000);
});
