// check-page.mjs BASE_URL EMLINT CHROMIUM EXAMPLES_DIR
//
// Opens playground links in headless Chromium (--dump-dom) and checks the
// page the link reproduces against the CLI binary EMLINT: every finding
// the CLI reports for the body, with its rule id, line and severity, as
// elements carrying data-rule, data-line and data-severity, in order.
// (--dump-dom runs in virtual time: measure.mjs times the page for real.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lintJSON } from './cli.mjs';

const [base, emlint, chromium, examples] = process.argv.slice(2);
if (!examples) {
  console.error('usage: node check-page.mjs BASE_URL EMLINT CHROMIUM EXAMPLES_DIR');
  process.exit(2);
}
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'emlint-chromium-'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'emlint-bodies-'));

// link is a playground link: the body as base64url without padding, and
// the optional container and shape.
function link(text, params = {}) {
  let frag = 'body=' + Buffer.from(text, 'utf8').toString('base64url');
  for (const [k, v] of Object.entries(params)) frag += `&${k}=${encodeURIComponent(v)}`;
  return `${base}#${frag}`;
}

// dump loads a URL and returns the DOM the page built. Virtual time lets
// the page finish its work (the wasm, the first lint, mermaid) however
// slow the machine.
function dump(url) {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${profile}`];
  args.push('--virtual-time-budget=20000', '--dump-dom', url);
  const r = spawnSync(chromium, args, { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 120000 });
  if (r.status !== 0 && !r.stdout) throw new Error(`chromium exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function attrs(tag) {
  const out = {};
  for (const m of tag.matchAll(/([\w-]+)="([^"]*)"/g)) out[m[1]] = m[2].replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return out;
}

// pageFindings are the finding elements of the list, in order.
function pageFindings(dom) {
  return [...dom.matchAll(/<li\b[^>]*\bclass="[^"]*\bfinding\b[^"]*"[^>]*>/g)].map((m) => attrs(m[0]));
}

function bodyAttrs(dom) {
  const m = dom.match(/<body\b[^>]*>/);
  return m ? attrs(m[0]) : {};
}

// cliFindings lints the same text with the CLI, as a file of the
// container's extension, with the same flags.
function cliFindings(text, ext, flags = []) {
  const file = path.join(tmp, 'body' + ext);
  fs.writeFileSync(file, text);
  return lintJSON(emlint, file, flags).findings;
}

const read = (p) => fs.readFileSync(path.join(examples, p), 'utf8');
let failed = 0;
function check(name, ok, detail) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : ': ' + detail}`);
  if (!ok) failed++;
}

// Each case: a link, and the CLI run it must agree with.
const cases = [
  { name: 'invalid v1.0 policy (JSON)', file: 'emlint/v1.0/policy/invalid-approval-without-stages.json', params: { lang: 'json' }, ext: '.json', wantError: true },
  { name: 'valid v1.0 policy, container guessed', file: 'emlint/v1.0/policy/valid-approval-two-stages.json', params: {}, ext: '.json', wantError: false, chart: true },
  { name: 'PowerShell script', file: 'powershell/emlint/invalid-new-policy-bodyparameter.ps1', params: { lang: 'powershell' }, ext: '.ps1', wantError: true, scriptLines: true },
  { name: 'Terraform', file: 'terraform/emlint/invalid-policy.tf', params: { lang: 'terraform' }, ext: '.tf', wantError: true, scriptLines: true },
  { name: 'shape forced (api=v1.0&kind=request)', file: 'docs/v1.0/request/beta-post-assignmentrequests-ex01-admin-add.json', params: { lang: 'json', api: 'v1.0', kind: 'request' }, ext: '.json', flags: ['--api', 'v1.0', '--kind', 'request'], api: 'v1.0' },
  { name: 'non-ASCII text (UTF-8 round trip)', text: '{\n  "displayName": "Café 😀 ünïcode",\n  "description": "accès",\n  "allowedTargetScope": "allMemberUsers",\n  "accessPackage": {"id": "not-a-guid"}\n}\n', params: { lang: 'json' }, ext: '.json', wantError: true },
];
for (const c of cases) {
  const text = c.text ?? read(c.file);
  const want = cliFindings(text, c.ext, c.flags);
  const dom = dump(link(text, c.params));
  const got = pageFindings(dom);
  const body = bodyAttrs(dom);
  const fmt = (fs) => fs.map((f) => `${f.line}:${f.rule}:${f.severity}`).join(' ');
  check(`${c.name}: the page finished its first lint`, body['data-state'] === 'linted', `body data-state=${body['data-state']}`);
  check(`${c.name}: the page shows the CLI's findings (line:rule:severity)`,
    fmt(got.map((f) => ({ line: f['data-line'], rule: f['data-rule'], severity: f['data-severity'] }))) === fmt(want),
    `\n  page: ${fmt(got.map((f) => ({ line: f['data-line'], rule: f['data-rule'], severity: f['data-severity'] })))}\n  cli:  ${fmt(want)}`);
  if (c.wantError !== undefined) {
    const errors = got.filter((f) => f['data-severity'] === 'error').length;
    check(`${c.name}: ${c.wantError ? 'has' : 'has no'} error`, c.wantError ? errors > 0 : errors === 0, `${errors} errors`);
  }
  if (c.scriptLines) {
    check(`${c.name}: findings on the script's own lines`, got.some((f) => Number(f['data-line']) > 1) && got.length > 0, fmt(want));
  }
  if (c.api) {
    const list = attrs(dom.match(/<ol\b[^>]*id="findings"[^>]*>/)?.[0] ?? '');
    check(`${c.name}: linted as ${c.api}`, list['data-api'] === c.api, `data-api=${list['data-api']}`);
  }
  if (c.chart) {
    check(`${c.name}: describe's chart rendered as a picture`, /<div\b[^>]*class="[^"]*\bchart\b[^"]*"[^>]*data-rendered="true"[^>]*>\s*<svg/.test(dom) || /data-rendered="true"[^>]*>[\s\S]{0,200}<svg/.test(dom), 'no rendered chart');
  }
}
{
  // A link whose body is not base64url: the page says so and stays usable.
  const dom = dump(`${base}#body=%%%not-base64`);
  const notice = dom.match(/<p\b[^>]*id="notice"[^>]*>([^<]*)</);
  check('a malformed link: a message, not a blank page',
    notice && !/\shidden\b/.test(notice[0]) && /link|body/i.test(notice[1]) && bodyAttrs(dom)['data-state'] === 'linted',
    notice ? notice[0] : 'no #notice');
}
fs.rmSync(profile, { recursive: true, force: true });
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
