// node --experimental-websocket interact.mjs BASE_URL EMLINT CHROMIUM EXAMPLES_DIR
//
// Clicks through the playground in headless Chromium, as a user would,
// and checks the result against the CLI binary EMLINT:
//   - clicking a finding selects its span in the editor (the text between
//     the CLI's line:column and endLine:endColumn);
//   - clicking each "Fix" button until none is left gives the same text
//     as `emlint lint --fix` on the file (read back from the link the page
//     keeps in its fragment, which also proves the fragment follows edits).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from './cdp.mjs';
import { lintJSON } from './cli.mjs';

const [base, emlint, chromium, examples] = process.argv.slice(2);
if (!examples) {
  console.error('usage: node --experimental-websocket interact.mjs BASE_URL EMLINT CHROMIUM EXAMPLES_DIR');
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'emlint-interact-'));
let failed = 0;
function check(name, ok, detail) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : ': ' + detail}`);
  if (!ok) failed++;
}

// The CLI on a copy of the file: its findings, and the text --fix leaves.
function cli(file, text, fix) {
  const copy = path.join(tmp, path.basename(file));
  fs.writeFileSync(copy, text);
  const { findings } = lintJSON(emlint, copy, fix ? ['--fix'] : []);
  return { findings, text: fs.readFileSync(copy, 'utf8') };
}

// spanText is the text between 1-based line:column positions (columns in
// characters).
function spanText(text, f) {
  const lines = text.split('\n');
  const at = (line, col) => lines.slice(0, line - 1).reduce((n, l) => n + [...l].length + 1, 0) + col - 1;
  return [...text].slice(at(f.line, f.column), at(f.endLine, f.endColumn)).join('');
}

const browser = await launch(chromium);
const cases = [
  ['emlint/v1.0/request/invalid-admin-add.json', 'json'],
  ['powershell/emlint/cmdlet-casing-and-coercion.ps1', 'powershell'],
  ['terraform/emlint/invalid-policy.tf', 'terraform'],
];
for (const [rel, lang] of cases) {
  const file = path.join(examples, rel);
  const text = fs.readFileSync(file, 'utf8');
  const page = await browser.open(`${base}#body=${Buffer.from(text).toString('base64url')}&lang=${lang}`);
  await page.until(`document.body?.dataset.state === 'linted'`);

  // The first finding on one line with a span: click it, read the selection.
  const want = cli(file, text, false).findings;
  const i = want.findIndex((f) => f.line === f.endLine && f.endColumn > f.column);
  const selected = await page.evaluate(`(() => {
    document.querySelectorAll('#findings li.finding')[${i}].querySelector('button.goto').click();
    return getSelection().toString();
  })()`);
  check(`${rel}: clicking finding ${i + 1} (${want[i].rule}) selects its span`, selected === spanText(text, want[i]), `selected ${JSON.stringify(selected)}, want ${JSON.stringify(spanText(text, want[i]))}`);

  // Every fix, one click at a time, as long as there is one.
  let clicks = 0;
  while (clicks < 20 && (await page.evaluate(`!!document.querySelector('#findings button.fix')`))) {
    await page.evaluate(`document.querySelector('#findings button.fix').click()`);
    clicks++;
  }
  const hash = await page.evaluate('location.hash');
  const body = Buffer.from(new URLSearchParams(hash.slice(1)).get('body') ?? '', 'base64url').toString('utf8');
  const fixed = cli(file, text, true).text;
  check(`${rel}: ${clicks} fix clicks give the text emlint lint --fix writes`, clicks > 0 && fixed !== text && body === fixed,
    `${clicks} clicks\n--- page\n${body}\n--- emlint lint --fix\n${fixed}`);
  await page.close();
}
await browser.close();
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
